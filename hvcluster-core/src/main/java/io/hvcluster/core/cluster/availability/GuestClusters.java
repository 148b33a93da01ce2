package io.hvcluster.core.cluster.availability;

import io.hvcluster.api.VmId;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimVm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Guest clusters: VMs whose guests run the cluster service themselves and keep one application active
 * on one of them. When the active guest node stops serving (its host died or hung, or it stopped), the
 * guest cluster detects it and moves the application to another guest node that serves, within
 * seconds; meanwhile host clustering cold-boots the dead VM elsewhere.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GuestClusters {
  /** Guest-cluster failure detection (5 × 1 s heartbeats inside the guests) plus the application's start. */
  static final long FAILOVER_NANOS = 15_000_000_000L;

  private final ClusterModel cluster;
  private final Map<String, List<SimVm>> members = new LinkedHashMap<>();
  private final Map<String, SimVm> active = new LinkedHashMap<>();

  public GuestClusters(ClusterModel cluster, List<SimVm> vms) {
    this.cluster = cluster;
    vms.forEach(this::add);
  }

  public void add(SimVm vm) {
    if (!vm.spec().guestCluster().isEmpty()) {
      members.computeIfAbsent(vm.spec().guestCluster(), k -> new ArrayList<>()).add(vm);
    }
  }

  /** Returns the guest node that runs the guest cluster's application, if any. */
  public Optional<VmId> activeNode(String guestCluster) {
    return Optional.ofNullable(active.get(guestCluster)).map(v -> v.spec().id());
  }

  public void vmRunning(SimVm vm) {
    String name = vm.spec().guestCluster();
    if (!name.isEmpty() && active.get(name) == null) {
      switchTo(name, null, vm, "application started on " + vm.spec().id());
    }
  }

  /** A guest node stopped serving; if it was active, the guest cluster fails its application over. */
  public void vmStopped(SimVm vm, String why) {
    String name = vm.spec().guestCluster();
    if (name.isEmpty() || active.get(name) != vm) {
      return;
    }
    cluster.loop().schedule(FAILOVER_NANOS, () -> {
      if (active.get(name) != vm || vm.serving()) {
        return;
      }
      SimVm next = members.get(name).stream().filter(v -> v != vm && v.serving()).findFirst().orElse(null);
      switchTo(name, vm, next, next == null ? "no other guest node is running (" + why + ")"
          : "guest node " + vm.spec().id() + " stopped (" + why + "); the guest cluster moved its application");
    });
  }

  private void switchTo(String name, SimVm from, SimVm to, String why) {
    if (to == null) {
      active.remove(name);
    } else {
      active.put(name, to);
    }
    cluster.emit(new GuestClusterFailover(cluster.now(), cluster.name(), name,
        Optional.ofNullable(from).map(v -> v.spec().id()), Optional.ofNullable(to).map(v -> v.spec().id()), why));
  }
}
