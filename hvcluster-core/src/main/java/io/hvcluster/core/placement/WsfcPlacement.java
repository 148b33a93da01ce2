package io.hvcluster.core.placement;

import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Windows Server 2008's owner selection among the nodes that meet the {@link HardRequirements}: the
 * preferred owners in order; without a usable preference, the node that hosts the fewest groups
 * (ties by node order). Anti-affinity (shared anti-affinity class names, and guest-cluster membership)
 * is soft: it is honoured when some node satisfies it and ignored otherwise.
 */
final class WsfcPlacement implements PlacementPolicy {
  @Override
  public String name() {
    return "wsfc-default";
  }

  @Override
  public PlacementDecision place(PlacementRequest request) {
    List<Host> eligible = new ArrayList<>();
    for (Host h : request.candidates()) {
      if (HardRequirements.met(request, h)) {
        eligible.add(h);
      }
    }
    if (eligible.isEmpty()) {
      return PlacementDecision.none(noRoom(request));
    }
    Set<String> classes = classesOf(request.vms());
    List<Host> pool = new ArrayList<>();
    for (Host h : eligible) {
      if (classes.isEmpty() || !conflicts(request, h, classes)) {
        pool.add(h);
      }
    }
    String affinityNote = "";
    if (pool.isEmpty()) {
      pool = eligible;
      affinityNote = "; anti-affinity " + classes + " could not be honoured";
    }
    List<HostId> preferred = request.vms().get(0).spec().preferredOwners();
    for (int i = 0; i < preferred.size(); i++) {
      for (Host h : pool) {
        if (h.id().equals(preferred.get(i))) {
          return PlacementDecision.choose(h.id(), "preferred owner " + (i + 1) + " of " + preferred.size() + affinityNote);
        }
      }
    }
    Host best = pool.get(0);
    for (Host h : pool) {
      if (h.groupCount() < best.groupCount()) {
        best = h;
      }
    }
    return PlacementDecision.choose(best.id(), "fewest groups (" + best.groupCount() + ")"
        + (preferred.isEmpty() ? "" : "; no preferred owner is available") + affinityNote);
  }

  private static String noRoom(PlacementRequest request) {
    StringBuilder free = new StringBuilder();
    for (Host h : request.candidates()) {
      free.append(free.length() == 0 ? "" : ", ").append(h.id()).append(' ').append(h.memoryFreeBytes() >> 20).append(" MiB");
      List<LunId> unreachable = request.unreachableLuns(h);
      if (!unreachable.isEmpty()) {
        free.append(" (no path to ").append(unreachable.stream().map(LunId::toString).collect(Collectors.joining(", ")))
            .append(')');
      }
    }
    long need = request.memoryBytes() >> 20;
    return "no node meets the hard requirements: needs " + need + " MiB free on a possible owner; free: "
        + (free.length() == 0 ? "none" : free);
  }

  static Set<String> classesOf(List<VirtualMachine> vms) {
    Set<String> classes = new TreeSet<>();
    for (VirtualMachine vm : vms) {
      classes.addAll(vm.spec().antiAffinityClasses());
      if (!vm.spec().guestCluster().isEmpty()) {
        classes.add("guest-cluster:" + vm.spec().guestCluster());
      }
    }
    return classes;
  }

  private static boolean conflicts(PlacementRequest request, Host host, Set<String> classes) {
    for (ClusterGroup other : request.cluster().groups()) {
      if (other.name().equals(request.group().name()) || other.owner().isEmpty()
          || !other.owner().get().equals(host.id())) {
        continue;
      }
      for (VmId id : other.vms()) {
        for (String c : classesOf(List.of(request.cluster().vm(id)))) {
          if (classes.contains(c)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
