package io.hvcluster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.core.management.description.ClusterDescription;
import java.nio.file.Path;

/** Helpers shared by the commands that read cluster descriptions. */
final class Commands {
  private Commands() {}

  /** Reads a description; an unusable file becomes an {@link UnusableInputException} naming file and path. */
  static ClusterDescription read(Path file) {
    try {
      return DescriptionFiles.read(file);
    } catch (InputFiles.UnreadableFileException e) {
      throw new UnusableInputException(e.getMessage(), e);
    } catch (InvalidConfigurationException e) {
      if (looksLikeScenario(file)) {
        throw new UnusableInputException(file + ": this is a scenario file, not a cluster description; run it with"
            + " 'hvcluster simulate --scenario " + file + "'", e);
      }
      throw new UnusableInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** Returns whether a file is a JSON object with a scenario's "cluster" and "duration". */
  static boolean looksLikeScenario(Path file) {
    try {
      JsonNode root = DescriptionFiles.MAPPER.readTree(InputFiles.read(file));
      return root != null && root.isObject() && root.has("cluster") && root.has("duration");
    } catch (JsonProcessingException | RuntimeException e) {
      return false;
    }
  }
}
