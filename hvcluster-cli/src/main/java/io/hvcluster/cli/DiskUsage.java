package io.hvcluster.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Measures the bytes files occupy on disk (holes excluded) with {@code du -k}, where a POSIX {@code du}
 * exists. The JDK exposes no portable allocated-size attribute.
 */
final class DiskUsage {
  private DiskUsage() {}

  static OptionalLong allocatedBytes(Path... files) {
    long total = 0;
    for (Path file : files) {
      try {
        Process du = new ProcessBuilder("du", "-k", file.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!du.waitFor(30, TimeUnit.SECONDS) || du.exitValue() != 0) {
          return OptionalLong.empty();
        }
        total += Long.parseLong(out.split("\\s+")[0]) * 1024;
      } catch (IOException | RuntimeException e) {
        return OptionalLong.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }
}
