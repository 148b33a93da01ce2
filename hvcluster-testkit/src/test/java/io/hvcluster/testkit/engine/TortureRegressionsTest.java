package io.hvcluster.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.junit.Scenario;
import io.hvcluster.testkit.property.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenarios that {@code hvcluster torture} once found violating an invariant, replayed with their shrunk
 * fault plans. Each broke the engine before its fix; each must stay clean.
 */
final class TortureRegressionsTest {
  @ParameterizedTest(name = "{0}: {1} nodes, {2} VMs, seed {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # A start queued behind the per-node start limit ran after an operator stopped the VM (S8).
      queued start outlives an operator stop | 8 | 40 | 0x6D2BEA3A9EE9E9E8 | {"faults":[{"fault":"vm-crash","at":"0s","vms":"any"}],"heal":{"at":"0s","quiet":"1m"}}
      # A failover target left before arbitration ended; the group stayed ONLINE_PENDING with no owner (L1).
      abandoned placement, two nodes | 2 | 6 | 0x5E7DF74BDD465852 | {"faults":[{"fault":"one-way-link","at":"0s","for":"4s25ms","from":"explicit(node2)","to":"one"},{"fault":"host-crash","at":"26s","for":"1ms","hosts":"one"}],"heal":{"at":"1m","quiet":"1m"}}
      abandoned placement, power loss | 8 | 40 | 0x9A007EC50CD9FD0E | {"faults":[{"fault":"power-loss","at":"0s","hosts":"explicit(node1)"},{"fault":"power-loss","at":"37s","for":"1s200ms","hosts":"one"}],"heal":{"at":"37s","quiet":"1m"}}
      abandoned placement, service crashes | 16 | 60 | 0xD714565EED433F0C | {"faults":[{"fault":"cluster-service-crash","at":"1s940ms","hosts":"explicit(node1)"},{"fault":"cluster-service-crash","at":"56s83ms","for":"17s","hosts":"owners-of(vm59)"},{"fault":"host-crash","at":"58s79ms","for":"23s","hosts":"minority"}],"heal":{"at":"1m","quiet":"1m"}}
      # A failed VM could not restart for want of memory on its owner and waited forever (L1).
      restart in place without memory | 8 | 40 | 0xE854736405EEA71F | {"faults":[{"fault":"heartbeat-loss","at":"20s768ms","for":"11s984ms","hosts":"owners-of(vm1)","lossPercent":63},{"fault":"vm-crash","at":"28s971ms","vms":"explicit(vm28)"}],"heal":{"at":"1m","quiet":"1m"}}
      # A start dequeued by a kill in a cluster-service crash booted on the node that had just left (S4).
      queued start after a service crash | 16 | 60 | 0x077F6941889BAFB8 | {"faults":[{"fault":"majorities-ring","at":"0s","for":"4s50ms","hosts":"all"},{"fault":"cluster-service-crash","at":"14s49ms","for":"22s","hosts":"witness-holder"}],"heal":{"at":"1m","quiet":"1m"}}
      """)
  void aScenarioThatOnceFailedNowPasses(String name, int nodes, int vms, String seedText, String planJson) {
    passesWithItsShrunkPlan(name, Torture.builder().nodes(nodes).vms(vms), seedText, planJson);
  }

  @ParameterizedTest(name = "{0}: wide, seed {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # An immediate failback whose Quick Migration failed to save (write error on the VM's LUN) was retried
      # at the same instant, forever: the engine livelocked. A failed failback now waits for its target to
      # become UP again.
      failback retried forever after a failed save | 0xDB20290AC13E4A81 | {"faults":[{"fault":"write-error","at":"0s","for":"17s1ms","luns":"explicit(lun-vm18)"}],"heal":{"at":"17s3ms","quiet":"1m"}}
      """)
  void aWideScenarioThatOnceFailedNowPasses(String name, String seedText, String planJson) {
    passesWithItsShrunkPlan(name, Torture.builder().wide(true), seedText, planJson);
  }

  /** Replays the scenario its seed generates with the pinned shrunk plan instead of the generated one. */
  private static void passesWithItsShrunkPlan(String name, Torture.Builder generator, String seedText,
      String planJson) {
    long seed = Seeds.parse(seedText);
    Torture torture = generator.seed(seed).build();
    Scenario scenario = torture.scenario(seed);
    FaultPlan plan = FaultPlan.fromJson(planJson);
    RunResult r = EngineRun.of(scenario.spec()).seed(seed).plan(plan).workload(scenario.workload()).run();
    assertThat(r.violation())
        .as("%s; replay: %s with plan %s", name, torture.replayLine(seed), planJson)
        .isEmpty();
  }
}
