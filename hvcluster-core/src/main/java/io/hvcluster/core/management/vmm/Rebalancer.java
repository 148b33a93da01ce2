package io.hvcluster.core.management.vmm;

import io.hvcluster.api.migration.MigrationKind;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PRO-style rebalancing: while the load spread between the busiest and the idlest up host exceeds the
 * threshold, move one VM off the busiest host to the host that lowers the standard deviation of load
 * most, as long as the target stays below the source's load. Only running VMs that are alone in their
 * group move (the cluster moves shared-LUN groups as a whole); a move never breaks possible owners,
 * free memory, or an anti-affinity class or guest cluster, and never targets a paused or down host.
 */
final class Rebalancer {
  private final IntelligentPlacement policy;
  private final double threshold;
  private ResourceWeights weights;

  Rebalancer(IntelligentPlacement policy, double threshold) {
    this.policy = policy;
    this.threshold = threshold;
    this.weights = policy.weights();
  }

  /** A movable VM and where it is now, in the hypothetical state. */
  private record Movable(VirtualMachine vm, HostId at) {}

  List<RebalanceSuggestion> suggest(Cluster c) {
    Map<HostId, HostLoad> loads = new LinkedHashMap<>();
    Map<HostId, List<VmSpec>> residents = new LinkedHashMap<>();
    for (Host h : c.hosts()) {
      if (h.state() == NodeState.UP && h.isRunning()) {
        loads.put(h.id(), HostLoad.of(policy, c, h));
        List<VmSpec> specs = new ArrayList<>();
        h.vms().forEach(id -> specs.add(c.vm(id).spec()));
        residents.put(h.id(), specs);
      }
    }
    List<Movable> movable = new ArrayList<>();
    for (VirtualMachine vm : c.vms()) {
      if (vm.state() == VmState.RUNNING && vm.host().isPresent() && loads.containsKey(vm.host().get())
          && c.group(vm.group()).vms().size() == 1) {
        movable.add(new Movable(vm, vm.host().get()));
      }
    }
    movable.sort(Comparator.comparing(m -> m.vm().id()));
    weights = active(loads);
    List<RebalanceSuggestion> out = new ArrayList<>();
    for (int move = 0; move < 2 * loads.size() && loads.size() > 1; move++) {
      HostId source = busiest(loads);
      double before = spread(loads);
      if (before <= threshold) {
        break;
      }
      double deviation = deviation(loads);
      Movable bestVm = null;
      HostId bestTarget = null;
      double bestDeviation = deviation - 1e-9;
      for (Movable m : movable) {
        if (!m.at().equals(source)) {
          continue;
        }
        for (HostId target : loads.keySet()) {
          if (!target.equals(source) && allowed(m.vm().spec(), target, loads, residents)) {
            Map<HostId, HostLoad> tried = moved(loads, m.vm(), source, target);
            double d = deviation(tried);
            boolean noPingPong = tried.get(target).weighted(weights) < loads.get(source).weighted(weights);
            if (noPingPong && d < bestDeviation) {
              bestDeviation = d;
              bestVm = m;
              bestTarget = target;
            }
          }
        }
      }
      if (bestVm == null) {
        break;
      }
      double sourceLoad = loads.get(source).weighted(weights);
      double targetLoad = loads.get(bestTarget).weighted(weights);
      loads = moved(loads, bestVm.vm(), source, bestTarget);
      residents.get(source).remove(bestVm.vm().spec());
      residents.get(bestTarget).add(bestVm.vm().spec());
      movable.set(movable.indexOf(bestVm), new Movable(bestVm.vm(), bestTarget));
      double after = spread(loads);
      MigrationKind kind = kind(c, bestVm.vm().spec());
      out.add(new RebalanceSuggestion(c.name(), bestVm.vm().id(), source, bestTarget, kind, before, after,
          source + " is at " + pct(sourceLoad) + " and " + bestTarget + " at " + pct(targetLoad) + ": moving "
              + bestVm.vm().id() + " (" + Units.gib(bestVm.vm().spec().memoryBytes()) + ") by " + kind
              + " migration lowers the load spread from " + points(before) + " to " + points(after)
              + " percentage points"));
    }
    return out;
  }

  /**
   * Returns the policy's weights without the resources no VM is expected to use, so that an unused
   * resource (disk I/O and network with SCVMM's default VM load) does not dilute the load of the others.
   */
  ResourceWeights active(Map<HostId, HostLoad> loads) {
    ResourceWeights w = policy.weights();
    double cpu = loads.values().stream().anyMatch(l -> l.cpuCores > 0) ? w.cpu() : 0;
    double memory = loads.values().stream().anyMatch(l -> l.committedBytes > 0) ? w.memory() : 0;
    double disk = loads.values().stream().anyMatch(l -> l.iops > 0) ? w.diskIo() : 0;
    double network = loads.values().stream().anyMatch(l -> l.mbps > 0) ? w.network() : 0;
    return cpu + memory + disk + network > 0 ? new ResourceWeights(cpu, memory, disk, network) : w;
  }

  private boolean allowed(VmSpec vm, HostId target, Map<HostId, HostLoad> loads, Map<HostId, List<VmSpec>> residents) {
    if (!vm.mayRunOn(target) || loads.get(target).freeBytes() < vm.memoryBytes()) {
      return false;
    }
    for (VmSpec other : residents.get(target)) {
      if (other.antiAffinityClasses().stream().anyMatch(vm.antiAffinityClasses()::contains)
          || (!vm.guestCluster().isEmpty() && vm.guestCluster().equals(other.guestCluster()))) {
        return false;
      }
    }
    return true;
  }

  private Map<HostId, HostLoad> moved(Map<HostId, HostLoad> loads, VirtualMachine vm, HostId from, HostId to) {
    Map<HostId, HostLoad> copy = new LinkedHashMap<>();
    loads.forEach((id, l) -> copy.put(id, l.copy()));
    VmLoad load = policy.load(vm.id());
    copy.get(from).shift(vm.spec(), load, -1);
    copy.get(to).shift(vm.spec(), load, 1);
    return copy;
  }

  private HostId busiest(Map<HostId, HostLoad> loads) {
    HostId best = null;
    double max = Double.NEGATIVE_INFINITY;
    for (Map.Entry<HostId, HostLoad> e : loads.entrySet()) {
      double l = e.getValue().weighted(weights);
      if (l > max + 1e-12) {
        max = l;
        best = e.getKey();
      }
    }
    return best;
  }

  /** Returns the load spread with the weights of the resources in use. */
  double spreadNow(Map<HostId, HostLoad> loads) {
    weights = active(loads);
    return spread(loads);
  }

  double spread(Map<HostId, HostLoad> loads) {
    double max = loads.values().stream().mapToDouble(l -> l.weighted(weights)).max().orElse(0);
    double min = loads.values().stream().mapToDouble(l -> l.weighted(weights)).min().orElse(0);
    return max - min;
  }

  double deviation(Map<HostId, HostLoad> loads) {
    double mean = loads.values().stream().mapToDouble(l -> l.weighted(weights)).average().orElse(0);
    double sq = loads.values().stream().mapToDouble(l -> Math.pow(l.weighted(weights) - mean, 2)).sum();
    return Math.sqrt(sq / Math.max(1, loads.size()));
  }

  /** Live migration when every LUN of the VM is a Cluster Shared Volume, Quick Migration otherwise. */
  private static MigrationKind kind(Cluster c, VmSpec vm) {
    Set<LunId> luns = new TreeSet<>(vm.luns());
    boolean allCsv = luns.stream().allMatch(l -> c.spec().storage().lun(l).map(s -> s.csv()).orElse(false));
    return allCsv ? MigrationKind.LIVE : MigrationKind.QUICK;
  }

  private static String pct(double load) {
    return String.format(Locale.ROOT, "%.0f %%", load * 100);
  }

  private static String points(double spread) {
    return String.format(Locale.ROOT, "%.0f", spread * 100);
  }
}
