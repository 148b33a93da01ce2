package io.hvcluster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.json.ClusterDescriptions;
import io.hvcluster.json.InputFiles;
import io.hvcluster.json.InvalidInputException;
import java.nio.file.Path;

/** Helpers shared by the commands that read cluster descriptions. */
final class Commands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Commands() {}

  /**
   * Reads a description with the library's reader; a scenario given where a description belongs is named
   * as one, with the command that runs it.
   */
  static ClusterDescription read(Path file) {
    try {
      return ClusterDescriptions.read(file);
    } catch (InvalidInputException e) {
      if (e.getCause() != null && !(e.getCause() instanceof java.io.IOException) && looksLikeScenario(file)) {
        throw new UnusableInputException(file + ": this is a scenario file, not a cluster description; run it with"
            + " 'hvcluster simulate --scenario " + file + "'", e);
      }
      throw e;
    }
  }

  /** Returns whether a file is a JSON object with a scenario's "cluster" and "duration". */
  static boolean looksLikeScenario(Path file) {
    try {
      JsonNode root = JSON.readTree(InputFiles.read(file));
      return root != null && root.isObject() && root.has("cluster") && root.has("duration");
    } catch (JsonProcessingException | RuntimeException e) {
      return false;
    }
  }
}
