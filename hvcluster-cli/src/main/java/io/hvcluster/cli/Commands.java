package io.hvcluster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.core.management.ClusterDescription;
import java.nio.file.Path;

/** Helpers shared by the commands that read cluster descriptions. */
final class Commands {
  private Commands() {}

  /** Reads a description; an unusable file becomes an {@link UnusableInputException} naming file and path. */
  static ClusterDescription read(Path file) {
    try {
      return DescriptionFiles.read(file);
    } catch (InvalidConfigurationException e) {
      throw new UnusableInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a JSON tree indented. */
  static String json(JsonNode node) {
    try {
      return DescriptionFiles.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
  }
}
