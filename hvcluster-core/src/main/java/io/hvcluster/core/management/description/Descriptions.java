package io.hvcluster.core.management.description;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Edition;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import java.util.Optional;

/** Converts specs back into descriptions, so that code-built clusters can be validated and planned. */
final class Descriptions {
  private Descriptions() {}

  static ClusterDescription fromSpec(ClusterSpec spec) {
    ClusterDescription.Builder b = ClusterDescription.builder(spec.name()).quorum(spec.quorum());
    spec.hosts().forEach(h -> b.host(host(h)));
    StorageDescription.Builder storage = StorageDescription.builder(spec.storage().type())
        .persistentReservations(spec.storage().persistentReservations())
        .mpio(spec.storage().pathsPerHost() > 1);
    spec.storage().luns().forEach(l -> storage.lun(lun(l)));
    b.storage(storage.build());
    spec.vms().forEach(v -> b.vm(vm(v)));
    return b.build();
  }

  static HostDescription host(HostSpec h) {
    return HostDescription.builder(h.id().name())
        .edition(h.edition() == Edition.DATACENTER ? ServerEdition.DATACENTER : ServerEdition.ENTERPRISE)
        .installation(h.installation()).cores(h.cores()).memoryGiB(h.memoryBytes() / (double) Units.GIB).build();
  }

  private static LunDescription lun(LunSpec l) {
    return new LunDescription(l.id().name(), l.sizeBytes() / (double) Units.GIB, l.witness(), Optional.of(l.csv()));
  }

  static VmDescription vm(VmSpec v) {
    return VmDescription.builder(v.id().name()).memoryGiB(v.memoryBytes() / (double) Units.GIB).vcpus(v.vcpus())
        .guestOs(v.guestOs()).lun(v.luns().stream().map(LunId::name).toArray(String[]::new))
        .preferredOwners(v.preferredOwners().stream().map(HostId::name).toArray(String[]::new))
        .possibleOwners(v.possibleOwners().stream().map(HostId::name).toArray(String[]::new))
        .antiAffinityClass(v.antiAffinityClasses().toArray(String[]::new))
        .guestCluster(v.guestCluster()).priority(v.priority()).build();
  }
}
