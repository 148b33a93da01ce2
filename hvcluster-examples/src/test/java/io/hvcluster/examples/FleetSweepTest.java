package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetSweepTest {
  @Test
  void theCsvHasAHeaderAndOneRowPerPointWithMoreFailuresAtHigherRates() {
    StringWriter out = new StringWriter();
    FleetSweep.sweep(out);
    List<String> rows = out.toString().lines().toList();
    assertThat(rows.get(0)).isEqualTo(FleetSweep.HEADER);
    assertThat(rows).hasSize(1 + FleetSweep.FAILURES_PER_HOUR.size() * FleetSweep.REPAIR_HOURS.size());
    for (int r = 0; r < FleetSweep.REPAIR_HOURS.size(); r++) {
      int previous = -1;
      for (int f = 0; f < FleetSweep.FAILURES_PER_HOUR.size(); f++) {
        String[] row = rows.get(1 + f * FleetSweep.REPAIR_HOURS.size() + r).split(",");
        assertThat(Double.parseDouble(row[0])).isEqualTo(FleetSweep.FAILURES_PER_HOUR.get(f));
        assertThat(Integer.parseInt(row[1])).isEqualTo(FleetSweep.REPAIR_HOURS.get(r));
        int failures = Integer.parseInt(row[2]);
        assertThat(failures).as("host failures at %s per hour", row[0]).isGreaterThan(previous);
        previous = failures;
        assertThat(Double.parseDouble(row[4])).isBetween(0.0, 1.0);
        assertThat(row[7]).as("invariant violations").isEqualTo("0");
      }
    }
  }

  @Test
  void longRepairsAtHighRatesCostAvailabilityAndAPointRepeatsItself() {
    double quickRepairs = FleetSweep.point(0.4, 2).availability();
    double slowRepairs = FleetSweep.point(0.4, 24).availability();
    assertThat(slowRepairs).isLessThan(quickRepairs);
    assertThat(FleetSweep.point(0.4, 24).traceHash()).isEqualTo(FleetSweep.point(0.4, 24).traceHash());
  }
}
