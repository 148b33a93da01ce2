package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the engine schedules starts: priority order, the per-node start cap, and soft anti-affinity. */
final class StartSchedulingTest {
  private static ClusterSpec.Builder threeNodes(String name, long n1GiB) {
    return ClusterSpec.builder(name).quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").memoryGiB(n1GiB).installation(Installation.SERVER_CORE).build())
        .host(HostSpec.builder("n2").memoryGiB(32).installation(Installation.SERVER_CORE).build())
        .host(HostSpec.builder("n3").memoryGiB(32).installation(Installation.SERVER_CORE).build());
  }

  private static boolean starting(VmState s) {
    return s == VmState.STARTING || s == VmState.RESTORING;
  }

  @Test
  void higherPriorityVmsStartBeforeLowerOnesWhenManyStartAtOnce() {
    // Configuration order puts the low-priority VMs first, so only the priority can put the high ones ahead.
    Priority[] priorities = {
        Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.LOW, Priority.MEDIUM, Priority.HIGH};
    ClusterSpec.Builder b = threeNodes("PRI", 32)
        .settings(ClusterSettings.defaults(StorageType.ISCSI).withMaxConcurrentStartsPerNode(1));
    List<LunSpec> luns = new ArrayList<>();
    Map<VmId, Priority> priorityOf = new HashMap<>();
    for (int i = 0; i < priorities.length; i++) {
      String name = "vm" + (i + 1) + "-" + priorities[i].name().toLowerCase(Locale.ROOT);
      luns.add(LunSpec.data("lun" + (i + 1), 10));
      b.vm(VmSpec.builder(name).memoryGiB(1).lun("lun" + (i + 1)).preferredOwners("n1").priority(priorities[i])
          .build());
      priorityOf.put(VmId.of(name), priorities[i]);
    }
    ClusterSpec spec = b.storage(StorageSpec.iscsi(luns)).build();
    try (Simulation sim = Simulation.builder().seed(71).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(15));

      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING && v.host().equals(Optional.of(HostId.of("n1"))));
      List<VmStateChanged> starts = log.of(VmStateChanged.class, e -> e.to() == VmState.STARTING);
      assertThat(starts).hasSize(priorities.length);
      List<Priority> order = starts.stream().map(e -> priorityOf.get(e.vm())).toList();
      assertThat(order).containsExactly(Priority.HIGH, Priority.HIGH, Priority.MEDIUM, Priority.MEDIUM, Priority.LOW,
          Priority.LOW);
      // One start slot: each start begins only when the one before it has finished, strictly later.
      for (int i = 1; i < starts.size(); i++) {
        assertThat(starts.get(i).timeNanos()).isGreaterThan(starts.get(i - 1).timeNanos());
      }
    }
  }

  @Test
  void aNodeStartsAtMostThirtyTwoVmsAtOnceAndTheRestWaitForASlot() {
    int count = 40;
    ClusterSpec.Builder b = threeNodes("CAP", 64);
    List<LunSpec> luns = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      luns.add(LunSpec.data("lun" + i, 10));
      b.vm(VmSpec.builder("vm" + i).memoryMiB(512).lun("lun" + i).preferredOwners("n1").build());
    }
    ClusterSpec spec = b.storage(StorageSpec.iscsi(luns)).build();
    assertThat(spec.settings().maxConcurrentStartsPerNode()).isEqualTo(32);
    try (Simulation sim = Simulation.builder().seed(72).build()) {
      Map<VmId, HostId> startingOn = new HashMap<>();
      Map<HostId, Integer> now = new HashMap<>();
      Map<HostId, Integer> peak = new HashMap<>();
      List<String> overCap = new ArrayList<>();
      sim.addListener(e -> {
        if (!(e instanceof VmStateChanged v)) {
          return;
        }
        if (starting(v.from())) {
          now.merge(startingOn.remove(v.vm()), -1, Integer::sum);
        }
        if (starting(v.to())) {
          HostId h = v.host().orElseThrow();
          startingOn.put(v.vm(), h);
          int n = now.merge(h, 1, Integer::sum);
          peak.merge(h, n, Math::max);
          if (n > 32) {
            overCap.add(n + " starts on " + h + " at " + v.timeNanos());
          }
        }
      });
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(15));

      assertThat(overCap).isEmpty();
      assertThat(peak).containsOnlyKeys(HostId.of("n1")).containsEntry(HostId.of("n1"), 32);
      assertThat(c.vms()).hasSize(count)
          .allMatch(v -> v.state() == VmState.RUNNING && v.host().equals(Optional.of(HostId.of("n1"))));
      assertThat(now).allSatisfy((h, n) -> assertThat(n).as("starts still counted on " + h).isZero());
    }
  }

  @Test
  void vmsSharingAnAntiAffinityClassRunApartAndTogetherOnlyWhenOneNodeIsLeft() {
    // Both prefer n1: without the anti-affinity class they would both go there.
    ClusterSpec spec = threeNodes("AA", 32)
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10))))
        .vm(VmSpec.builder("sql1").memoryGiB(2).lun("l1").preferredOwners("n1").antiAffinityClass("sql").build())
        .vm(VmSpec.builder("sql2").memoryGiB(2).lun("l2").preferredOwners("n1").antiAffinityClass("sql").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(73).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("sql1").host()).contains(HostId.of("n1"));
      HostId second = c.vm("sql2").host().orElseThrow();
      assertThat(second).isNotEqualTo(HostId.of("n1"));
      assertThat(log.first(GroupPlaced.class, e -> e.group().equals("sql2")).reason())
          .contains("no preferred owner is available");

      // Drain the other two nodes: n1 is the only node left to host VMs, so the soft constraint gives way.
      HostId third = second.equals(HostId.of("n2")) ? HostId.of("n3") : HostId.of("n2");
      c.drainNode(second);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("sql2").host()).as("still kept apart while a node allows it").contains(third);
      c.drainNode(third);
      sim.runFor(Duration.ofMinutes(3));

      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING && v.host().equals(Optional.of(HostId.of("n1"))));
      List<GroupPlaced> placements = log.of(GroupPlaced.class, e -> e.group().equals("sql2"));
      assertThat(placements.get(placements.size() - 1).reason()).contains("anti-affinity [sql] could not be honoured");
    }
  }
}
