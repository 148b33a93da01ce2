package io.hvcluster.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.memory.SaveReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each benchmark's operations a few times outside JMH, so that a benchmark which no longer works
 * (a broken setup, a scenario that fails, a baseline that does different work) fails the build rather
 * than the next person who measures. Nothing here is timed: the numbers come from the benchmark jar.
 */
class BenchmarksSmokeTest {

  @Test
  void campaignsRunEveryRunOnTheLocalEngineAndAGridOfTwo() {
    for (String engine : new String[] {"local", "hazelcast-2"}) {
      CampaignBenchmark benchmark = new CampaignBenchmark();
      benchmark.engine = engine;
      benchmark.setUp();
      try {
        String first = benchmark.campaign().digest();
        benchmark.clearLast();
        assertThat(benchmark.campaign().digest()).isNotEqualTo(first);
        benchmark.clearLast();
      } finally {
        benchmark.tearDown();
      }
    }
  }

  @Test
  void kernelVariantsRunEveryEventTheyScheduled() {
    KernelBenchmark benchmark = new KernelBenchmark();
    benchmark.setUp();
    benchmark.openSimulation();
    try {
      assertThat(benchmark.baselinePriorityQueue()).isEqualTo(KernelBenchmark.BATCH);
      assertThat(benchmark.eventLoop()).isEqualTo(2L * KernelBenchmark.BATCH);
      assertThat(benchmark.simulation()).isEqualTo(3L * KernelBenchmark.BATCH);
    } finally {
      benchmark.closeSimulation();
    }
  }

  @Test
  void saveWritesTheTouchedBytesAndTheBaselineWritesAsMany(@TempDir Path dir) throws IOException {
    SaveBenchmark benchmark = new SaveBenchmark();
    benchmark.memory = "8MiB";
    benchmark.touched = "3MiB";
    benchmark.dir = dir.toString();
    benchmark.setUp();
    try {
      for (int i = 0; i < 3; i++) {
        SaveReport report = benchmark.save();
        assertThat(report.memoryBytesWritten()).isEqualTo(3L << 20);
        assertThat(report.touchedPages()).isEqualTo((3L << 20) / 4096);
        assertThat(benchmark.baselineFileChannelWrite()).isEqualTo(3L << 20);
        benchmark.clearUp();
      }
    } finally {
      benchmark.tearDown(); // verifies the last generation and deletes every file
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("files the benchmark left behind").isEmpty();
    }
  }

  @Test
  void saveRejectsSizesItCannotLayOut(@TempDir Path dir) {
    SaveBenchmark benchmark = new SaveBenchmark();
    benchmark.memory = "1MiB";
    benchmark.touched = "2MiB";
    benchmark.dir = dir.toString();
    assertThatThrownBy(benchmark::setUp).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("touched at most memory");
    assertThatThrownBy(() -> SaveBenchmark.bytes("lots")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lots' is not a size");
  }

  @Test
  void tortureScenariosPassTheirInvariants() {
    TortureBenchmark benchmark = new TortureBenchmark();
    benchmark.setUp();
    Blackhole blackhole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    for (int i = 0; i < 20; i++) {
      benchmark.scenario(blackhole); // throws with the scenario's replay line when an invariant breaks
    }
  }

  @Test
  void fleetRunIsSafeAndDeterministic() {
    FleetBenchmark benchmark = new FleetBenchmark();
    FleetReport report = benchmark.fleet();
    assertThat(report.invariantViolations()).isZero();
    assertThat(report.hostFailures()).isPositive();
  }
}
