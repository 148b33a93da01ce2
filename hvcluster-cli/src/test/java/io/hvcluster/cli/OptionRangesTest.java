package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.FleetWork;
import io.hvcluster.campaign.LocalEngine;
import io.hvcluster.campaign.TortureWork;
import io.hvcluster.campaign.spi.GridOptions;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.testkit.engine.Torture;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The range an option states is the library's: for every {@link Range} on the command line, the library
 * accepts both ends and refuses a value just outside, where it checks the value at all.
 */
final class OptionRangesTest {
  /** Gives a value to the library as the option would; null where only the command line bounds it. */
  private static final Map<String, DoubleConsumer> LIBRARY = new LinkedHashMap<>();
  private static final Set<String> OWN_MAXIMUM = new HashSet<>();

  static {
    LIBRARY.put("simulate --hosts", v -> new FleetSpec((int) v, 0, 1, 0, Duration.ofHours(1), 1));
    LIBRARY.put("simulate --vms", v -> new FleetSpec(2, (int) v, 1, 0, Duration.ofHours(1), 1));
    LIBRARY.put("simulate --days", v -> new FleetSpec(2, 0, v, 0, Duration.ofHours(1), 1));
    LIBRARY.put("simulate --failures-per-hour", v -> new FleetSpec(2, 0, 1, v, Duration.ofHours(1), 1));
    // FleetSpec takes any positive repair time; ten years keeps the simulated repair within a fleet run.
    LIBRARY.put("simulate --repair-hours", null);
    LIBRARY.put("simulate --threads", v -> FleetSimulation.run(new FleetSpec(2, 0, 0.01, 0, Duration.ofHours(1), 1),
        (int) v, t -> { }));
    LIBRARY.put("torture --nodes", v -> Torture.builder().nodes((int) v));
    LIBRARY.put("torture --vms", v -> Torture.builder().vms((int) v));
    LIBRARY.put("torture --scenarios", v -> Torture.builder().scenarios((int) v));
    LIBRARY.put("torture --max-faults", v -> Torture.builder().maxFaults((int) v));
    LIBRARY.put("torture --threads", v -> Torture.builder().threads((int) v));
    LIBRARY.put("migrate --max-passes", v -> LiveMigration.builder().maxPasses((int) v));
    LIBRARY.put("migrate --downtime-limit-ms", v -> LiveMigration.builder().downtimeLimit(Duration.ofMillis((long) v)));
    for (String c : new String[] {"campaign torture", "campaign fleet"}) {
      LIBRARY.put(c + " --batch-size", v -> Campaign.of(TortureWork.of(2, 1, 0)).batchSize((int) v));
      LIBRARY.put(c + " --threads", v -> LocalEngine.withThreads((int) v).close());
      LIBRARY.put(c + " --port", v -> GridOptions.defaults().withPort((int) v));
    }
    LIBRARY.put("campaign torture --nodes", v -> TortureWork.of((int) v, 1, 0));
    LIBRARY.put("campaign torture --vms", v -> TortureWork.of(2, (int) v, 0));
    LIBRARY.put("campaign torture --max-faults", v -> TortureWork.of(2, 1, (int) v));
    LIBRARY.put("campaign torture --runs", v -> Campaign.of(TortureWork.of(2, 1, 0)).runs((int) v));
    LIBRARY.put("campaign fleet --hosts", v -> FleetWork.of((int) v, 0, 1, List.of(0.0), List.of(1.0)));
    LIBRARY.put("campaign fleet --vms", v -> FleetWork.of(2, (int) v, 1, List.of(0.0), List.of(1.0)));
    LIBRARY.put("campaign fleet --days", v -> FleetWork.of(2, 0, v, List.of(0.0), List.of(1.0)));
    // The command line's own: points × replicas must fit a campaign's count of runs.
    LIBRARY.put("campaign fleet --replicas", null);
    LIBRARY.put("grid member --port", v -> GridOptions.defaults().withPort((int) v));
    LIBRARY.put("grid member --threads", v -> GridOptions.defaults().withThreads((int) v));
    OWN_MAXIMUM.add("campaign torture --runs");
    // Upper bounds of the command line's own: the library takes any count of scenarios and any limit.
    OWN_MAXIMUM.add("torture --scenarios");
    OWN_MAXIMUM.add("simulate --threads");
    OWN_MAXIMUM.add("migrate --downtime-limit-ms");
    // The cost model takes any rate; the command keeps links and guests within what a run can simulate.
    LIBRARY.put("migrate --link-gbps", null);
    LIBRARY.put("migrate --dirty-pages-per-second", null);
    // A count of VMs the command builds for its own demonstration cluster; the library has no such setting.
    LIBRARY.put("migrate --concurrent", null);
  }

  @Test
  void everyRangedOptionIsListedHere() {
    assertThat(rangedOptions().keySet()).containsExactlyInAnyOrderElementsOf(LIBRARY.keySet());
  }

  @Test
  void theLibraryAcceptsBothEndsOfEveryStatedRangeAndRefusesJustOutside() {
    rangedOptions().forEach((option, range) -> {
      DoubleConsumer library = LIBRARY.get(option);
      if (library == null) {
        return;
      }
      boolean whole = range.min() == Math.rint(range.min()) && range.max() == Math.rint(range.max());
      double below = range.aboveMin() ? range.min() : whole ? range.min() - 1 : Math.nextDown(range.min());
      double lowest = range.aboveMin() ? (whole ? range.min() + 1 : Math.nextUp(range.min())) : range.min();
      double above = whole ? range.max() + 1 : Math.nextUp(range.max());
      assertThatCode(() -> library.accept(lowest)).as("%s %s", option, lowest).doesNotThrowAnyException();
      assertThatCode(() -> library.accept(range.max())).as("%s %s", option, range.max()).doesNotThrowAnyException();
      assertThatCode(() -> library.accept(below)).as("%s %s", option, below)
          .isInstanceOf(IllegalArgumentException.class);
      if (!OWN_MAXIMUM.contains(option)) {
        assertThatCode(() -> library.accept(above)).as("%s %s", option, above)
            .isInstanceOf(IllegalArgumentException.class);
      }
    });
  }

  @Test
  void theCommandLineAcceptsTheEndsOfARangeAndRefusesJustOutside() {
    Range days = range("simulate --days");
    assertThat(OptionRanges.allows(days, 3650)).isTrue();
    assertThat(OptionRanges.allows(days, 0.001)).isTrue();
    assertThat(OptionRanges.allows(days, 0)).isFalse();
    assertThat(OptionRanges.allows(days, Math.nextUp(3650.0))).isFalse();
    Range hosts = range("simulate --hosts");
    assertThat(OptionRanges.allows(hosts, 2)).isTrue();
    assertThat(OptionRanges.allows(hosts, 1)).isFalse();
    assertThat(OptionRanges.allowed(hosts, true)).isEqualTo("2 to 100000");
    assertThat(OptionRanges.allowed(days, false)).isEqualTo("more than 0 and at most 3650");
    assertThat(OptionRanges.allowed(range("migrate --link-gbps"), false)).isEqualTo("0.001 to 1000");
  }

  private static Range range(String option) {
    return rangedOptions().get(option);
  }

  private static Map<String, Range> rangedOptions() {
    Map<String, Range> ranges = new TreeMap<>();
    collect(new CommandLine(Main.class).getCommandSpec(), ranges);
    return ranges;
  }

  private static void collect(CommandSpec spec, Map<String, Range> into) {
    for (OptionSpec option : spec.options()) {
      OptionRanges.of(option).ifPresent(r -> into.put(spec.qualifiedName().substring("hvcluster ".length()) + " "
          + option.longestName(), r));
    }
    spec.subcommands().values().forEach(c -> collect(c.getCommandSpec(), into));
  }
}
