package io.hvcluster.json;

import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.json.DescriptionJson.ClusterJson;
import io.hvcluster.json.DescriptionJson.HostJson;
import io.hvcluster.json.DescriptionJson.LunJson;
import io.hvcluster.json.DescriptionJson.PlanningJson;
import io.hvcluster.json.DescriptionJson.StorageJson;
import io.hvcluster.json.DescriptionJson.VmJson;
import io.hvcluster.json.DescriptionJson.WorkloadJson;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.InvalidDescriptionException;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.PlanningDescription;
import io.hvcluster.core.management.description.StorageDescription;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.core.management.description.WorkloadDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns bound JSON into the core description model and back: absent fields take their defaults (the
 * core builders hold them), required fields and null list entries are reported with their JSON path.
 *
 * <p>This layer owns only the JSON shape (field names, which fields may be absent). Defaults, domain
 * checks and the conversion to a {@link io.hvcluster.api.spec.ClusterSpec} belong to the core
 * description model ({@link ClusterDescription#check()}, {@link ClusterDescription#toSpec()}); the CLI
 * never builds a spec from JSON itself.
 */
final class DescriptionMapping {
  private DescriptionMapping() {}

  static ClusterDescription toModel(ClusterJson json) {
    ClusterDescription.Builder b = ClusterDescription.builder(required("$.name", json.name()));
    set(json.era(), b::era);
    set(json.quorum(), b::quorum);
    set(json.reserve(), b::reserve);
    forEach("$.hosts", json.hosts(), (path, h) -> b.host(host(path, h)));
    if (json.storage() != null) {
      b.storage(storage(json.storage()));
    }
    forEach("$.vms", json.vms(), (path, v) -> b.vm(vm(path, v)));
    forEach("$.workloads", json.workloads(), (path, w) -> b.workload(workload(path, w)));
    if (json.planning() != null) {
      b.planning(planning(json.planning()));
    }
    return b.build();
  }

  private static HostDescription host(String path, HostJson h) {
    HostDescription.Builder b = HostDescription.builder(required(path + ".name", h.name()));
    set(h.edition(), b::edition);
    set(h.installation(), b::installation);
    set(h.architecture(), b::architecture);
    set(h.osVersion(), b::osVersion);
    set(h.servicePack(), b::servicePack);
    set(h.cores(), b::cores);
    set(h.memoryGiB(), b::memoryGiB);
    set(h.guestNicPorts(), b::guestNicPorts);
    set(h.heartbeatNetwork(), b::heartbeatNetwork);
    set(h.iscsiNetwork(), b::iscsiNetwork);
    set(h.subnet(), b::subnet);
    return b.build();
  }

  private static StorageDescription storage(StorageJson s) {
    if (s.type() == null) {
      throw new InvalidDescriptionException("$.storage.type", "is missing; allowed: ISCSI, FC, SAS");
    }
    StorageDescription.Builder b = StorageDescription.builder(s.type());
    set(s.persistentReservations(), b::persistentReservations);
    set(s.certified(), b::certified);
    set(s.mpio(), b::mpio);
    set(s.csv(), b::csv);
    set(s.mountPoints(), b::mountPoints);
    forEach("$.storage.luns", s.luns(), (path, l) -> b.lun(lun(path, l)));
    return b.build();
  }

  private static LunDescription lun(String path, LunJson l) {
    return new LunDescription(required(path + ".name", l.name()), required(path + ".sizeGiB", l.sizeGiB()),
        Boolean.TRUE.equals(l.witness()), Optional.ofNullable(l.csv()));
  }

  private static VmDescription vm(String path, VmJson v) {
    VmDescription.Builder b = VmDescription.builder(required(path + ".name", v.name()));
    set(v.memoryGiB(), b::memoryGiB);
    set(v.vcpus(), b::vcpus);
    set(v.guestOs(), b::guestOs);
    b.lun(strings(path + ".luns", v.luns()));
    b.preferredOwners(strings(path + ".preferredOwners", v.preferredOwners()));
    b.possibleOwners(strings(path + ".possibleOwners", v.possibleOwners()));
    b.antiAffinityClass(strings(path + ".antiAffinityClasses", v.antiAffinityClasses()));
    set(v.guestCluster(), b::guestCluster);
    set(v.vhdType(), b::vhdType);
    set(v.priority(), b::priority);
    return b.build();
  }

  private static WorkloadDescription workload(String path, WorkloadJson w) {
    WorkloadDescription.Builder b = WorkloadDescription.builder(required(path + ".name", w.name()),
        required(path + ".cpuPercent", w.cpuPercent()), required(path + ".memoryGiB", w.memoryGiB()));
    set(w.count(), b::count);
    set(w.cores(), b::cores);
    set(w.iops(), b::iops);
    set(w.networkMbps(), b::networkMbps);
    set(w.diskGiB(), b::diskGiB);
    set(w.vcpus(), b::vcpus);
    set(w.guestOs(), b::guestOs);
    return b.build();
  }

  private static PlanningDescription planning(PlanningJson p) {
    PlanningDescription d = PlanningDescription.defaults();
    HostDescription model = p.hostModel() == null ? d.hostModel() : host("$.planning.hostModel", p.hostModel());
    return new PlanningDescription(model, or(p.maxNodesPerCluster(), d.maxNodesPerCluster()),
        or(p.maxCpuPercent(), d.maxCpuPercent()), or(p.hostIops(), d.hostIops()));
  }

  private static String[] strings(String path, List<String> values) {
    if (values == null) {
      return new String[0];
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidDescriptionException(path + "[" + i + "]", "is null; expected a name");
      }
    }
    return values.toArray(String[]::new);
  }

  /** Calls {@code action} with each element's path; refuses null elements. */
  private static <T> void forEach(String path, List<T> values, java.util.function.BiConsumer<String, T> action) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String element = path + "[" + i + "]";
      if (values.get(i) == null) {
        throw new InvalidDescriptionException(element, "is null; expected an object");
      }
      action.accept(element, values.get(i));
    }
  }

  private static <T> T required(String path, T value) {
    if (value == null) {
      throw new InvalidDescriptionException(path, "is missing; this field is required");
    }
    return value;
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Returns the JSON shape of a description, every field explicit. */
  static ClusterJson toJson(ClusterDescription d) {
    List<HostJson> hosts = d.hosts().stream().map(DescriptionMapping::hostJson).toList();
    StorageJson storage = d.storage().map(s -> new StorageJson(s.type(), s.persistentReservations(),
        s.certified().orElse(null), s.mpio(), s.csv(), s.mountPoints(), s.luns().stream()
            .map(l -> new LunJson(l.name(), l.sizeGiB(), l.witness(), l.csv().orElse(null))).toList())).orElse(null);
    List<VmJson> vms = d.vms().stream().map(v -> new VmJson(v.name(), v.memoryGiB(), v.vcpus(), v.guestOs(), v.luns(),
        v.preferredOwners(), v.possibleOwners(), v.antiAffinityClasses(), v.guestCluster(), v.vhdType(), v.priority()))
        .toList();
    List<WorkloadJson> workloads = new ArrayList<>();
    d.workloads().forEach(w -> workloads.add(new WorkloadJson(w.name(), w.count(), w.cores(), w.cpuPercent(),
        w.memoryGiB(), w.iops(), w.networkMbps(), w.diskGiB(), w.vcpus(), w.guestOs())));
    PlanningJson planning = d.planning().map(p -> new PlanningJson(hostJson(p.hostModel()), p.maxNodesPerCluster(),
        p.maxCpuPercent(), p.hostIops())).orElse(null);
    return new ClusterJson(d.name(), d.era().orElse(null), d.quorum().orElse(null), d.reserve(), hosts, storage, vms, workloads, planning);
  }

  private static HostJson hostJson(HostDescription h) {
    return new HostJson(h.name(), h.edition(), h.installation(), h.architecture(), h.osVersion().orElse(null),
        h.servicePack().isPresent() ? h.servicePack().getAsInt() : null, h.cores(), h.memoryGiB(), h.guestNicPorts(),
        h.heartbeatNetwork(), h.iscsiNetwork(), HostSpec.DEFAULT_SUBNET.equals(h.subnet()) ? null : h.subnet());
  }
}
