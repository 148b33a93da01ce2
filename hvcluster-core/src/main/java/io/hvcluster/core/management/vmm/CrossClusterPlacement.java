package io.hvcluster.core.management.vmm;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.placement.HostRating;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rates every managed host for a new VM from a template: cluster nodes through the intelligent
 * placement policy (as if the VM were being started), standalone hosts on memory and CPU with the same
 * scoring. A highly available VM may go only to a cluster node, any other only to a standalone host.
 */
final class CrossClusterPlacement {
  private CrossClusterPlacement() {}

  static List<PlacementOption> rate(IntelligentPlacement policy, List<Cluster> clusters, List<StandaloneHost> standalone,
      VmTemplate template, String vmName) {
    List<Scored> options = new ArrayList<>();
    for (Cluster c : clusters) {
      if (!template.highlyAvailable()) {
        for (Host h : c.hosts()) {
          options.add(new Scored(new PlacementOption(c.name(), new HostRating(h.id(), 0, true,
              List.of("a cluster node runs only highly available VMs; template " + template.name() + " is not"))), 0));
        }
        continue;
      }
      VirtualMachine prospect = new Prospect(template.vmSpec(vmName, Conventions.lunName(vmName)));
      PlacementRequest request = new PlacementRequest(c, null, List.of(prospect), c.hosts(), PlacementReason.INITIAL,
          Optional.empty());
      for (HostRater.Rated r : policy.withVmLoad(vmName, template.load()).rateAll(request)) {
        options.add(new Scored(new PlacementOption(c.name(), r.rating()), r.score()));
      }
    }
    for (StandaloneHost h : standalone) {
      options.add(standalone(policy, h, template));
    }
    options.sort(Comparator.comparing((Scored o) -> o.option().rating().blocked())
        .thenComparing(Comparator.comparingDouble((Scored o) -> o.option().rating().stars()).reversed())
        .thenComparing(Comparator.comparingDouble(Scored::score).reversed()));
    return options.stream().map(Scored::option).toList();
  }

  /** An option and its rating before rounding to half stars, which breaks ties between equal stars. */
  private record Scored(PlacementOption option, double score) {}

  private static Scored standalone(IntelligentPlacement policy, StandaloneHost h, VmTemplate template) {
    if (template.highlyAvailable()) {
      return blocked(h, "not clustered; template " + template.name() + " is highly available and needs a cluster");
    }
    if (h.memoryFreeBytes() < template.memoryBytes()) {
      return blocked(h, "needs " + Units.gib(template.memoryBytes()) + " of memory, " + Units.gib(h.memoryFreeBytes())
          + " free");
    }
    double cpuNow = h.vms().stream().mapToDouble(v -> policy.load(v.id()).cpuCores(v.vcpus())).sum();
    double cpuUse = (cpuNow + template.load().cpuCores(template.vcpus())) / h.spec().cores();
    long committed = h.memoryCommittedBytes() + template.memoryBytes();
    double memoryUse = committed / (double) h.spec().vmMemoryBytes();
    ResourceWeights w = policy.weights();
    double cpuAndMemory = w.cpu() + w.memory();
    double score = cpuAndMemory == 0 ? 0 : (w.cpu() * HostRater.score(policy.goal(), cpuUse)
        + w.memory() * HostRater.score(policy.goal(), memoryUse)) / cpuAndMemory;
    return new Scored(new PlacementOption("", new HostRating(h.id(), Math.round(score * 10) / 2.0, false, List.of(
        "memory " + Units.gib(h.memoryCommittedBytes()) + " → " + Units.gib(committed) + " of "
            + Units.gib(h.spec().vmMemoryBytes()) + String.format(Locale.ROOT, " (%.0f %%)", memoryUse * 100),
        "CPU " + Units.number(cpuNow) + " → " + Units.number(cpuUse * h.spec().cores()) + " of " + h.spec().cores()
            + String.format(Locale.ROOT, " cores (%.0f %%)", cpuUse * 100)))), score);
  }

  private static Scored blocked(StandaloneHost h, String reason) {
    return new Scored(new PlacementOption("", new HostRating(h.id(), 0, true, List.of(reason))), 0);
  }

  /** The VM to be provisioned, as the placement policy sees it: off and nowhere yet. */
  private record Prospect(VmSpec spec) implements VirtualMachine {
    @Override
    public VmId id() {
      return spec.id();
    }

    @Override
    public VmState state() {
      return VmState.OFF;
    }

    @Override
    public Optional<HostId> host() {
      return Optional.empty();
    }

    @Override
    public String group() {
      return spec.id().name();
    }

    @Override
    public boolean isOperatorStopped() {
      return false;
    }

    @Override
    public String lastReason() {
      return "";
    }

    @Override
    public Optional<GuestMemory> memory() {
      return Optional.empty();
    }
  }
}
