package io.hvcluster.cli;

/**
 * Keeps a grid's own logging to warnings: the tool prints its own progress, and a grid member's start-up
 * banner and membership lines at INFO would drown it. A level the user set is kept.
 */
final class GridLogging {
  private GridLogging() {}

  static void quiet() {
    setIfAbsent("hazelcast.logging.type", "slf4j");
    setIfAbsent("org.slf4j.simpleLogger.log.com.hazelcast", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
