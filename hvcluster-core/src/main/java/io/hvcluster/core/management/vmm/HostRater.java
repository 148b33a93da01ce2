package io.hvcluster.core.management.vmm;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.placement.HostRating;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.capacity.ClusterReserve;
import io.hvcluster.core.management.capacity.ReserveReport;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.core.placement.HardRequirements;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Rates one request's candidates for {@link IntelligentPlacement}; one instance per request. */
final class HostRater {
  /** A rating and the keys that order the candidates. */
  record Rated(HostRating rating, double score, boolean conflict, int preferredIndex, int nodeIndex) {
    String why(PlacementGoal goal) {
      StringBuilder out = new StringBuilder(rating.host() + " rated " + Units.number(rating.stars()) + " stars for " + goal);
      if (preferredIndex < Integer.MAX_VALUE) {
        out.append(", preferred owner #").append(preferredIndex + 1);
      }
      if (conflict) {
        out.append(", although no node keeps its anti-affinity class or guest cluster apart");
      }
      return out.toString();
    }
  }

  private final IntelligentPlacement policy;
  private final PlacementRequest request;
  private final Cluster cluster;
  private final long needBytes;
  private final double needCpu;
  private final double needIops;
  private final double needMbps;
  private final List<HostId> preferred;
  private final Set<String> classes = new LinkedHashSet<>();
  private final Set<String> guestClusters = new LinkedHashSet<>();
  private final Set<VmId> members = new LinkedHashSet<>();
  private final String overCommitted;
  private final List<String> storageProblems;

  HostRater(IntelligentPlacement policy, PlacementRequest request) {
    this.policy = policy;
    this.request = request;
    this.cluster = request.cluster();
    this.needBytes = request.memoryBytes();
    double cpu = 0;
    double iops = 0;
    double mbps = 0;
    List<HostId> prefs = List.of();
    for (VirtualMachine vm : request.vms()) {
      VmLoad load = policy.load(vm.id());
      cpu += load.cpuCores(vm.spec().vcpus());
      iops += load.iops();
      mbps += load.networkMbps();
      classes.addAll(vm.spec().antiAffinityClasses());
      if (!vm.spec().guestCluster().isEmpty()) {
        guestClusters.add(vm.spec().guestCluster());
      }
      members.add(vm.id());
      if (prefs.isEmpty()) {
        prefs = vm.spec().preferredOwners();
      }
    }
    this.needCpu = cpu;
    this.needIops = iops;
    this.needMbps = mbps;
    this.preferred = prefs;
    this.overCommitted = overCommitted();
    this.storageProblems = storageProblems();
  }

  private String overCommitted() {
    if (request.reason() != PlacementReason.INITIAL || policy.clusterReserve() == 0) {
      return "";
    }
    ClusterDescription current = ClusterDescription.fromSpec(cluster.spec());
    ClusterDescription.Builder with = ClusterDescription.builder(current.name());
    current.hosts().forEach(with::host);
    current.vms().forEach(with::vm);
    for (VirtualMachine vm : request.vms()) {
      if (cluster.spec().vm(vm.id()).isEmpty()) {
        with.vm(VmDescription.fromSpec(vm.spec()));
      }
    }
    current.storage().ifPresent(with::storage);
    ReserveReport r = ClusterReserve.evaluate(with.build(), policy.clusterReserve());
    return r.overCommitted() ? "cluster over-committed: " + r.explanation() : "";
  }

  /** Storage problems block every host alike: a failed LUN, or one too small for its VMs. */
  private List<String> storageProblems() {
    Set<LunId> luns = new LinkedHashSet<>();
    request.vms().forEach(vm -> luns.addAll(vm.spec().luns()));
    List<String> problems = new ArrayList<>();
    for (LunId lun : luns) {
      if (cluster.spec().storage().lun(lun).isEmpty()) {
        continue;
      }
      if (cluster.storage().lun(lun).state() == LunState.FAILED) {
        problems.add("LUN " + lun + " has failed");
      }
      lunSpace(lun).ifPresent(problems::add);
    }
    return problems;
  }

  Rated rate(Host host) {
    int nodeIndex = request.candidates().indexOf(host);
    List<String> blocked = hardRequirements(host);
    if (!blocked.isEmpty()) {
      return new Rated(new HostRating(host.id(), 0, true, blocked), 0, false, Integer.MAX_VALUE, nodeIndex);
    }
    List<String> reasons = new ArrayList<>();
    boolean conflict = conflicts(host, reasons);
    int preferredIndex = preferred.indexOf(host.id());
    if (preferredIndex >= 0) {
      reasons.add("preferred owner #" + (preferredIndex + 1));
    }
    if (!overCommitted.isEmpty()) {
      reasons.add(overCommitted);
    }
    HostCapacity capacity = policy.capacity(host.id());
    long vmMemory = host.spec().vmMemoryBytes();
    long committed = host.memoryCommittedBytes();
    double cpuNow = currentCpu(host);
    double iopsNow = currentIops(host);
    double mbpsNow = currentMbps(host);
    ResourceWeights w = policy.weights();
    double memoryUse = (committed + needBytes) / (double) vmMemory;
    double cpuUse = (cpuNow + needCpu) / host.spec().cores();
    double iopsUse = (iopsNow + needIops) / capacity.iops();
    double mbpsUse = (mbpsNow + needMbps) / capacity.networkMbps();
    double score = (w.cpu() * score(cpuUse) + w.memory() * score(memoryUse) + w.diskIo() * score(iopsUse)
        + w.network() * score(mbpsUse)) / w.total();
    reasons.add("memory " + Units.gib(committed) + " → " + Units.gib(committed + needBytes) + " of " + Units.gib(vmMemory)
        + " (" + percent(memoryUse) + ")");
    reasons.add("CPU " + Units.number(cpuNow) + " → " + Units.number(cpuNow + needCpu) + " of " + host.spec().cores()
        + " cores (" + percent(cpuUse) + ")");
    reasons.add("disk I/O " + Units.number(iopsNow) + " → " + Units.number(iopsNow + needIops) + " of "
        + Units.number(capacity.iops()) + " IOPS (" + percent(iopsUse) + ")");
    reasons.add("network " + Units.number(mbpsNow) + " → " + Units.number(mbpsNow + needMbps) + " of "
        + Units.number(capacity.networkMbps()) + " Mbit/s (" + percent(mbpsUse) + ")");
    double stars = overCommitted.isEmpty() ? Math.round(score * 10) / 2.0 : 0;
    return new Rated(new HostRating(host.id(), stars, false, reasons), score, conflict,
        preferredIndex >= 0 ? preferredIndex : Integer.MAX_VALUE, nodeIndex);
  }

  private double score(double use) {
    return score(policy.goal(), use);
  }

  /** Scores a utilisation after placement, 0 to 1: headroom when balancing, fullness when consolidating. */
  static double score(PlacementGoal goal, double use) {
    if (goal == PlacementGoal.LOAD_BALANCING) {
      return 1 - Math.min(1, use);
    }
    return use <= 1 ? use : 0;
  }

  private List<String> hardRequirements(Host host) {
    List<String> reasons = new ArrayList<>();
    if (host.state() != NodeState.UP || !host.isRunning()) {
      reasons.add("node is " + (host.isRunning() ? host.state() : "not running"));
    }
    for (HardRequirements.Unmet unmet : HardRequirements.unmet(request, host)) {
      reasons.add(describe(unmet));
    }
    reasons.addAll(storageProblems);
    return reasons;
  }

  /** Says what a node lacks, in SCVMM's words. */
  private static String describe(HardRequirements.Unmet unmet) {
    if (unmet instanceof HardRequirements.NotPossibleOwner owner) {
      return "not a possible owner of " + owner.vm();
    }
    if (unmet instanceof HardRequirements.NotEnoughMemory memory) {
      return "needs " + Units.gib(memory.neededBytes()) + " of memory, " + Units.gib(memory.freeBytes()) + " free";
    }
    return "no path to LUN " + ((HardRequirements.NoStoragePath) unmet).lun();
  }

  /** The LUN must hold the expected disk space and a saved state (the memory) of every VM on it. */
  private Optional<String> lunSpace(LunId lun) {
    long size = cluster.storage().lun(lun).spec().sizeBytes();
    long need = 0;
    Set<VmId> counted = new LinkedHashSet<>();
    for (VirtualMachine vm : cluster.vms()) {
      if (vm.spec().luns().contains(lun) && counted.add(vm.id())) {
        need += Units.gibToBytes(policy.load(vm.id()).diskGiB()) + vm.spec().memoryBytes();
      }
    }
    for (VirtualMachine vm : request.vms()) {
      if (vm.spec().luns().contains(lun) && counted.add(vm.id())) {
        need += Units.gibToBytes(policy.load(vm.id()).diskGiB()) + vm.spec().memoryBytes();
      }
    }
    return need > size ? Optional.of("LUN " + lun + " has " + Units.gib(size) + " but its VMs' disks and saved"
        + " states need " + Units.gib(need)) : Optional.empty();
  }

  private boolean conflicts(Host host, List<String> reasons) {
    boolean conflict = false;
    for (VmId id : host.vms()) {
      if (members.contains(id)) {
        continue;
      }
      VmSpec other = cluster.vm(id).spec();
      for (String c : other.antiAffinityClasses()) {
        if (classes.contains(c)) {
          reasons.add("runs " + id + " of anti-affinity class " + c);
          conflict = true;
        }
      }
      if (guestClusters.contains(other.guestCluster())) {
        reasons.add("runs " + id + " of guest cluster " + other.guestCluster());
        conflict = true;
      }
    }
    return conflict;
  }

  private double currentCpu(Host host) {
    return host.vms().stream().mapToDouble(id -> policy.load(id).cpuCores(cluster.vm(id).spec().vcpus())).sum();
  }

  private double currentIops(Host host) {
    return host.vms().stream().mapToDouble(id -> policy.load(id).iops()).sum();
  }

  private double currentMbps(Host host) {
    return host.vms().stream().mapToDouble(id -> policy.load(id).networkMbps()).sum();
  }

  private static String percent(double use) {
    return String.format(Locale.ROOT, "%.0f %%", use * 100);
  }
}
