package io.hvcluster.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.migration.LiveMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Three-node clusters with one VM, 'web', running on n1, for the live-migration tests. */
final class LiveClusters {
  static final VmId VM = VmId.of("web");
  static final HostId N1 = HostId.of("n1");
  static final HostId N2 = HostId.of("n2");

  private LiveClusters() {}

  /** The VM's memory, working set and dirty rate; its LUN dedicated or a Cluster Shared Volume; the link speed. */
  record Setup(long memoryMiB, long workingSetMiB, long dirtyPagesPerSecond, boolean csv, double linkGbps) {
    Setup csv(boolean onCsv) {
      return new Setup(memoryMiB, workingSetMiB, dirtyPagesPerSecond, onCsv, linkGbps);
    }

    ClusterSpec spec() {
      CostModel costs = CostModel.forStorage(StorageType.ISCSI).withMigrationLink(CostModel.gigabitLink(linkGbps));
      LunSpec lun = csv ? LunSpec.sharedVolume("lun-web", 40) : LunSpec.data("lun-web", 40);
      return ClusterSpec.builder("LM").quorum(QuorumModel.NODE_MAJORITY)
          .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build()).host(HostSpec.builder("n3").build())
          .storage(StorageSpec.iscsi(List.of(lun)))
          .settings(ClusterSettings.defaults(StorageType.ISCSI).withCosts(costs))
          .vm(VmSpec.builder("web").memoryMiB(memoryMiB).lun("lun-web").preferredOwners("n1")
              .workload(WorkloadSpec.of(workingSetMiB, dirtyPagesPerSecond)).build())
          .build();
    }
  }

  /** Forms the cluster and lets the VM boot on n1. */
  static Cluster running(Simulation sim, Setup setup) {
    Cluster c = sim.createCluster(setup.spec());
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vm(VM).host()).contains(N1);
    return c;
  }

  static SimVm model(Cluster c) {
    return ((SimCluster) c).model().vmModel(VM);
  }

  /** The VM's guest workload, which knows every page its guest wrote. */
  static io.hvcluster.core.memory.GuestWorkload workload(Cluster c) {
    return ((SimCluster) c).memory.workload(model(c));
  }

  /** The VM's memory as it is, not materialized or brought up to date. */
  static io.hvcluster.api.GuestMemory currentMemory(Cluster c) {
    return ((SimCluster) c).memory.current(model(c));
  }

  /** Live-migrates the VM to n2 and runs until the migration ends (at most ten minutes). */
  static MigrationResult migrate(Simulation sim, Cluster c, LiveMigration strategy) {
    MigrationHandle handle = c.migrate(VM, N2, strategy);
    sim.runUntil(handle::isDone, Duration.ofMinutes(10));
    MigrationResult r = handle.result().orElseThrow();
    if (Boolean.getBoolean("hvcluster.showResults")) {
      System.out.println(r);
    }
    return r;
  }

  /**
   * Checks after every kernel event that the VM has an instance on at most one host, that it executes
   * only on the owner of its dedicated LUN, and counts the migration's endings.
   */
  static final class Watch implements Runnable {
    private final Cluster cluster;
    private final Simulation sim;
    final List<String> violations = new ArrayList<>();
    int endings;

    Watch(Simulation sim, Cluster cluster) {
      this.sim = sim;
      this.cluster = cluster;
      sim.addStepObserver(this);
      sim.addListener(e -> {
        if (e instanceof MigrationFinished f && f.result().vm().equals(VM)) {
          endings++;
        }
      });
    }

    @Override
    public void run() {
      // A hung host's instance is frozen and fenced, not running: it is stopped when the host resumes.
      List<HostId> on = new ArrayList<>();
      for (Host h : cluster.hosts()) {
        if (h.isRunning() && h.instances().containsKey(VM)) {
          on.add(h.id());
        }
      }
      if (on.size() > 1 && violations.size() < 10) {
        violations.add("at " + sim.nowNanos() + " ns the VM has instances on " + on);
      }
      SimVm vm = model(cluster);
      if (vm.executing()) {
        for (SimLun lun : vm.groupModel().ordinaryLuns()) {
          if (!lun.ownedBy(vm.node()) && violations.size() < 10) {
            violations.add("at " + sim.nowNanos() + " ns the VM executes on " + vm.node().id() + " without owning " + lun);
          }
        }
      }
    }

    /** The hosts holding an instance of the VM now. */
    List<HostId> hostsWithTheVm() {
      List<HostId> on = new ArrayList<>();
      for (Host h : cluster.hosts()) {
        if (h.instances().containsKey(VM)) {
          on.add(h.id());
        }
      }
      return on;
    }
  }
}
