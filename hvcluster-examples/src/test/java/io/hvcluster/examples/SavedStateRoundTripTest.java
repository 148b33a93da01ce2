package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SavedStateRoundTripTest {
  @TempDir Path dir;

  @Test
  void theMemoryComesBackIntactAndADamagedSavedStateIsRefused() throws Exception {
    List<String> steps = SavedStateRoundTrip.run(dir);
    assertThat(steps).containsSubsequence(
        "saved generation 1: 8192 pages, 32 MiB written to web.bin",
        "verified: 16 chunks, every CRC32C matches",
        "EAGER restore: 8192 pages match what the guest wrote",
        "LAZY restore: 8192 pages match what the guest wrote",
        "flipped one byte of web.bin");
    assertThat(steps.get(steps.size() - 2)).startsWith("verify after the damage: refused (CorruptSavedStateException")
        .contains("chunk 0 CRC32C mismatch");
    assertThat(steps.get(steps.size() - 1)).startsWith("restore after the damage: refused (CorruptSavedStateException");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("the example deletes its files").isEmpty();
    }
  }
}
