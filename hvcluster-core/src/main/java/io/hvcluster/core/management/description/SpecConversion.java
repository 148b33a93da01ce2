package io.hvcluster.core.management.description;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.NetworkRole;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one conversion between cluster descriptions and {@link ClusterSpec}s, both ways.
 *
 * <p>{@link #toSpec} turns a checked description into a spec. Every condition the specs would refuse is
 * checked here first so that the exception names the JSON path of the value; anything the specs still
 * refuse is reported at the path of the enclosing object. What only a description holds (NICs and
 * dedicated networks, OS levels, VHD types, certification, mount points, the reserve, workloads and
 * planning) is left behind: the simulation does not model it.
 *
 * <p>{@link #description} turns a spec back into a description, so that clusters built in code can be
 * validated and planned. What a spec does not hold takes its description default, and memory and LUN
 * sizes are rounded to whole MiB.
 */
final class SpecConversion {
  private SpecConversion() {}

  static ClusterSpec toSpec(ClusterDescription d) {
    int nodes = d.hosts().size();
    if (nodes < ClusterSpec.MIN_NODES || nodes > ClusterSpec.MAX_NODES) {
      throw new InvalidDescriptionException("$.hosts", "cluster '" + d.name() + "' has " + Units.plural(nodes, "node")
          + "; a failover cluster has " + ClusterSpec.MIN_NODES + " to " + ClusterSpec.MAX_NODES);
    }
    StorageDescription storage = d.storage().orElseThrow(() -> new InvalidDescriptionException("$.storage",
        "is missing; a failover cluster of Hyper-V hosts needs shared storage"));
    List<EraConflict> conflicts = d.eraConflicts();
    if (!conflicts.isEmpty()) {
      throw new InvalidDescriptionException(conflicts.get(0).path(), conflicts.get(0).reason());
    }
    ClusterSpec.Builder builder = ClusterSpec.builder(d.name()).quorum(quorum(d)).era(d.effectiveEra());
    for (int i = 0; i < nodes; i++) {
      builder.host(host("$.hosts[" + i + "]", d.hosts().get(i)));
    }
    builder.storage(storage(storage));
    List<ClusterNetwork> networks = networks(d);
    if (networks.size() > 1) {
      builder.settings(ClusterSettings.defaults(storage.type()).withNetworks(networks));
    }
    for (int i = 0; i < d.vms().size(); i++) {
      builder.vm(vm("$.vms[" + i + "]", d.vms().get(i), storage));
    }
    guestClusters(d);
    return at("$", builder::build);
  }

  /**
   * The cluster networks of a description, numbered as WSFC names them ({@code Cluster Network 1}, 2, …):
   * first the public network (cluster and client); then, when every host has a dedicated heartbeat
   * network, a private one (cluster only); then, when every host has a dedicated iSCSI network, that one
   * with the role none, as Microsoft recommends for storage networks. A network only some hosts have is
   * not a cluster network (validation reports the hosts without it).
   */
  static List<ClusterNetwork> networks(ClusterDescription d) {
    List<ClusterNetwork> out = new ArrayList<>(List.of(ClusterNetwork.defaultNetwork()));
    boolean heartbeat = !d.hosts().isEmpty() && d.hosts().stream().allMatch(HostDescription::heartbeatNetwork);
    boolean iscsi = !d.hosts().isEmpty() && d.hosts().stream().allMatch(HostDescription::iscsiNetwork);
    if (heartbeat) {
      out.add(new ClusterNetwork("cluster-network-" + (out.size() + 1), NetworkRole.CLUSTER_ONLY));
    }
    if (iscsi) {
      out.add(new ClusterNetwork("cluster-network-" + (out.size() + 1), NetworkRole.NONE));
    }
    return List.copyOf(out);
  }

  private static QuorumModel quorum(ClusterDescription d) {
    QuorumModel model = d.effectiveQuorum();
    boolean witness = d.witness().isPresent();
    if (model.usesWitnessDisk() && !witness) {
      throw new InvalidDescriptionException("$.quorum", model + " needs a witness disk but no LUN in $.storage.luns is"
          + " marked \"witness\": true; mark one or use NODE_MAJORITY");
    }
    if (!model.usesWitnessDisk() && witness) {
      throw new InvalidDescriptionException("$.quorum", model + " has no witness disk, but LUN '" + d.witness().get().name()
          + "' is marked as witness; use NODE_AND_DISK_MAJORITY or unmark the LUN");
    }
    return model;
  }

  private static HostSpec host(String path, HostDescription h) {
    var edition = h.edition().toEdition().orElseThrow(() -> new InvalidDescriptionException(path + ".edition",
        "host '" + h.name() + "' runs the " + h.edition() + " edition, which has no failover clustering; allowed: "
            + ServerEdition.ENTERPRISE + " or " + ServerEdition.DATACENTER));
    if (h.architecture() != Architecture.X64) {
      throw new InvalidDescriptionException(path + ".architecture", "host '" + h.name() + "' is " + h.architecture()
          + "; Hyper-V runs only on " + Architecture.X64);
    }
    long minimum = h.installation().parentReserveBytes() + Units.GIB;
    if (h.memoryBytes() < minimum) {
      throw new InvalidDescriptionException(path + ".memoryGiB", "host '" + h.name() + "' has " + Units.gib(h.memoryBytes())
          + "; a " + h.installation() + " host needs at least " + Units.gib(minimum) + " (its parent partition keeps "
          + Units.gib(h.installation().parentReserveBytes()) + ")");
    }
    return at(path, () -> HostSpec.builder(h.name()).edition(edition).installation(h.installation()).cores(h.cores())
        .memoryBytes(h.memoryBytes()).subnet(h.subnet()).build());
  }

  private static StorageSpec storage(StorageDescription s) {
    List<LunSpec> luns = new ArrayList<>();
    String witness = null;
    for (int i = 0; i < s.luns().size(); i++) {
      String path = "$.storage.luns[" + i + "]";
      LunDescription lun = s.luns().get(i);
      if (lun.witness() && witness != null) {
        throw new InvalidDescriptionException(path + ".witness", "LUNs '" + witness + "' and '" + lun.name()
            + "' are both marked as witness; a cluster has at most one witness disk");
      }
      if (lun.witness()) {
        witness = lun.name();
        if (s.isCsv(lun)) {
          throw new InvalidDescriptionException(path + ".csv", "witness disk '" + lun.name()
              + "' cannot be a Cluster Shared Volume; the witness must be an ordinary cluster disk");
        }
      }
      luns.add(at(path, () -> new LunSpec(LunId.of(lun.name()), lun.sizeBytes(), lun.witness(), s.isCsv(lun))));
    }
    return at("$.storage", () -> new StorageSpec(s.type(), s.persistentReservations(), s.mpio() ? 2 : 1, luns));
  }

  private static VmSpec vm(String path, VmDescription vm, StorageDescription storage) {
    long bytes = vm.memoryBytes();
    if (bytes < VmSpec.MIN_MEMORY_BYTES || bytes > VmSpec.MAX_MEMORY_BYTES) {
      throw new InvalidDescriptionException(path + ".memoryGiB", "VM '" + vm.name() + "' has " + Units.gib(bytes)
          + "; Hyper-V 2008 allows 8 MiB to 64 GiB");
    }
    if (vm.vcpus() > VmSpec.MAX_VCPUS) {
      throw new InvalidDescriptionException(path + ".vcpus", "VM '" + vm.name() + "' has " + vm.vcpus()
          + " virtual processors; Hyper-V 2008 allows 1 to " + VmSpec.MAX_VCPUS);
    }
    if (vm.luns().isEmpty()) {
      throw new InvalidDescriptionException(path + ".luns", "VM '" + vm.name()
          + "' has no LUN; a clustered VM keeps its files on at least one shared LUN");
    }
    for (int j = 0; j < vm.luns().size(); j++) {
      String lun = vm.luns().get(j);
      if (storage.lun(lun).map(LunDescription::witness).orElse(false)) {
        throw new InvalidDescriptionException(path + ".luns[" + j + "]", "VM '" + vm.name() + "' uses the witness disk '"
            + lun + "'; the witness disk holds only quorum data");
      }
    }
    for (int j = 0; j < vm.preferredOwners().size(); j++) {
      String owner = vm.preferredOwners().get(j);
      if (!vm.mayRunOn(owner)) {
        throw new InvalidDescriptionException(path + ".preferredOwners[" + j + "]", "VM '" + vm.name() + "' prefers host '"
            + owner + "' which is not among its possible owners " + vm.possibleOwners());
      }
    }
    if (!vm.guestCluster().isEmpty() && !vm.guestOs().clusterCapable()) {
      throw new InvalidDescriptionException(path + ".guestOs", "VM '" + vm.name() + "' runs " + vm.guestOs()
          + " and cannot be a node of guest cluster '" + vm.guestCluster()
          + "'; guest clustering needs Windows 2000 Server, 2003 or 2008 guests");
    }
    return at(path, () -> {
      VmSpec.Builder b = VmSpec.builder(vm.name()).memoryBytes(bytes).vcpus(vm.vcpus()).guestOs(vm.guestOs())
          .preferredOwners(vm.preferredOwners().toArray(String[]::new))
          .possibleOwners(vm.possibleOwners().toArray(String[]::new))
          .priority(vm.priority()).guestCluster(vm.guestCluster());
      vm.luns().forEach(b::lun);
      vm.antiAffinityClasses().forEach(b::antiAffinityClass);
      return b.build();
    });
  }

  private static void guestClusters(ClusterDescription d) {
    Map<String, Integer> first = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    for (int i = 0; i < d.vms().size(); i++) {
      String guest = d.vms().get(i).guestCluster();
      if (!guest.isEmpty()) {
        first.putIfAbsent(guest, i);
        count.merge(guest, 1, Integer::sum);
      }
    }
    count.forEach((guest, n) -> {
      if (n < 2) {
        throw new InvalidDescriptionException("$.vms[" + first.get(guest) + "].guestCluster", "guest cluster '" + guest
            + "' has only one VM; a guest cluster needs at least two VM nodes");
      }
    });
  }

  static ClusterDescription description(ClusterSpec spec) {
    ClusterDescription.Builder b = ClusterDescription.builder(spec.name()).quorum(spec.quorum());
    if (spec.era() != Era.DEFAULT) {
      b.era(spec.era());
    }
    List<ClusterNetwork> networks = spec.settings().networks();
    boolean heartbeat = networks.stream().anyMatch(n -> n.role() == NetworkRole.CLUSTER_ONLY);
    boolean iscsi = networks.stream().anyMatch(n -> n.role() == NetworkRole.NONE);
    spec.hosts().forEach(h -> b.host(hostDescription(h, heartbeat, iscsi)));
    StorageDescription.Builder storage = StorageDescription.builder(spec.storage().type())
        .persistentReservations(spec.storage().persistentReservations())
        .mpio(spec.storage().pathsPerHost() > 1);
    spec.storage().luns().forEach(l -> storage.lun(lunDescription(l)));
    b.storage(storage.build());
    spec.vms().forEach(v -> b.vm(vmDescription(v)));
    return b.build();
  }

  private static HostDescription hostDescription(HostSpec h, boolean heartbeat, boolean iscsi) {
    return HostDescription.builder(h.id().name()).edition(ServerEdition.of(h.edition()))
        .installation(h.installation()).cores(h.cores()).memoryGiB(h.memoryBytes() / (double) Units.GIB)
        .heartbeatNetwork(heartbeat).iscsiNetwork(iscsi).subnet(h.subnet()).build();
  }

  private static LunDescription lunDescription(LunSpec l) {
    return new LunDescription(l.id().name(), l.sizeBytes() / (double) Units.GIB, l.witness(), Optional.of(l.csv()));
  }

  static VmDescription vmDescription(VmSpec v) {
    return VmDescription.builder(v.id().name()).memoryGiB(v.memoryBytes() / (double) Units.GIB).vcpus(v.vcpus())
        .guestOs(v.guestOs()).lun(v.luns().stream().map(LunId::name).toArray(String[]::new))
        .preferredOwners(v.preferredOwners().stream().map(HostId::name).toArray(String[]::new))
        .possibleOwners(v.possibleOwners().stream().map(HostId::name).toArray(String[]::new))
        .antiAffinityClass(v.antiAffinityClasses().toArray(String[]::new))
        .guestCluster(v.guestCluster()).priority(v.priority()).build();
  }

  private static <T> T at(String path, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (InvalidDescriptionException e) {
      throw e;
    } catch (InvalidConfigurationException e) {
      throw new InvalidDescriptionException(path, e.getMessage(), e);
    }
  }
}
