package io.hvcluster.testkit.junit;

import io.hvcluster.testkit.property.ShrinkPath;
import io.hvcluster.testkit.property.Seeds;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The run-wide settings of cluster properties, read from JUnit configuration parameters. */
record PropertySettings(int multiplier, Optional<Long> replay, Optional<ShrinkPath> replayPath, long baseSeed) {
  static final String MULTIPLIER = "hvcluster.tries.multiplier";
  static final String REPLAY = "hvcluster.replay";
  static final String SEED = "hvcluster.seed";

  static PropertySettings from(ExtensionContext context) {
    int multiplier = context.getConfigurationParameter(MULTIPLIER).map(String::strip).map(text -> {
      try {
        int m = Integer.parseInt(text);
        if (m < 1) {
          throw new NumberFormatException();
        }
        return m;
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(MULTIPLIER + " is '" + text + "'; it must be a whole number of 1 or more");
      }
    }).orElse(1);
    // "0x5EED" replays a try as generated; "0x5EED/0.3.1" the shrunk counterexample at the end of that path.
    Optional<String> replayText = context.getConfigurationParameter(REPLAY).filter(s -> !s.isBlank()).map(String::strip);
    Optional<Long> replay = replayText.map(text -> seed(REPLAY, text.contains("/")
        ? text.substring(0, text.indexOf('/')) : text));
    Optional<ShrinkPath> path = replayText.filter(text -> text.contains("/"))
        .map(text -> path(REPLAY, text.substring(text.indexOf('/') + 1)));
    long base = context.getConfigurationParameter(SEED).filter(s -> !s.isBlank()).map(text -> seed(SEED, text)).orElse(0L);
    return new PropertySettings(multiplier, replay, path, base);
  }

  static ShrinkPath path(String key, String text) {
    try {
      return ShrinkPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(key + ": " + e.getMessage(), e);
    }
  }

  private static long seed(String key, String text) {
    try {
      return Seeds.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(key + ": " + e.getMessage(), e);
    }
  }

  int tries(int declared) {
    if (replay.isPresent()) {
      return 1;
    }
    long product = (long) declared * multiplier;
    return (int) Math.min(Integer.MAX_VALUE, product);
  }
}
