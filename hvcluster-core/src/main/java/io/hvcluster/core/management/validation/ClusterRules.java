package io.hvcluster.core.management.validation;

import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.capacity.ClusterReserve;
import io.hvcluster.core.management.capacity.ReserveReport;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Cluster Configuration rules: quorum, and the cluster reserve. Guest clusters are in {@link GuestClusterRule}. */
final class ClusterRules {
  /** Microsoft's recommended minimum size of a witness disk. */
  static final long MIN_WITNESS_BYTES = 512 * Units.MIB;

  private ClusterRules() {}

  static List<ValidationItem> quorum(ClusterDescription d) {
    QuorumModel model = d.effectiveQuorum();
    List<LunDescription> witnesses = d.storage().map(s -> s.luns().stream().filter(LunDescription::witness).toList())
        .orElse(List.of());
    List<ValidationItem> items = new ArrayList<>();
    if (witnesses.size() > 1) {
      items.add(ValidationItem.fail(ValidationRule.QUORUM, "storage", witnesses.size()
          + " LUNs are marked as witness; a cluster has at most one witness disk"));
    }
    if (model.usesWitnessDisk() && witnesses.isEmpty()) {
      items.add(ValidationItem.fail(ValidationRule.QUORUM, "cluster", model + " needs a witness disk, but no LUN is"
          + " marked as witness; mark one or use " + QuorumModel.NODE_MAJORITY));
    }
    if (!model.usesWitnessDisk() && !witnesses.isEmpty()) {
      items.add(ValidationItem.fail(ValidationRule.QUORUM, witnesses.get(0).name(), "is marked as witness, but " + model
          + " has no witness disk; use " + QuorumModel.NODE_AND_DISK_MAJORITY + " or unmark the LUN"));
    }
    for (LunDescription w : witnesses) {
      d.storage().filter(s -> s.isCsv(w)).ifPresent(s -> items.add(ValidationItem.fail(ValidationRule.QUORUM, w.name(),
          "the witness disk cannot be a Cluster Shared Volume")));
      if (w.sizeBytes() < MIN_WITNESS_BYTES) {
        items.add(ValidationItem.warn(ValidationRule.QUORUM, w.name(), "the witness disk has " + Units.gib(w.sizeBytes())
            + "; at least 512 MiB is recommended"));
      }
    }
    int nodes = d.hosts().size();
    if (nodes == 0) {
      items.add(ValidationItem.pass(ValidationRule.QUORUM, "cluster", "no hosts are described"));
      return items;
    }
    QuorumModel recommended = nodes % 2 == 0 ? QuorumModel.NODE_AND_DISK_MAJORITY : QuorumModel.NODE_MAJORITY;
    String parity = Units.plural(nodes, "node") + " (" + (nodes % 2 == 0 ? "even" : "odd") + ")";
    if (model == recommended) {
      items.add(ValidationItem.pass(ValidationRule.QUORUM, "cluster", model + " suits " + parity + " in one site: "
          + votes(model, nodes)));
    } else if (model == QuorumModel.DISK_ONLY) {
      items.add(ValidationItem.warn(ValidationRule.QUORUM, "cluster", model + " makes the witness disk a single point"
          + " of failure; for " + parity + " use " + recommended + ": " + votes(recommended, nodes)));
    } else if (model == QuorumModel.NODE_AND_FILE_SHARE_MAJORITY) {
      items.add(ValidationItem.warn(ValidationRule.QUORUM, "cluster", model + " suits clusters stretched over two sites;"
          + " for " + parity + " in one site use " + recommended + ": " + votes(recommended, nodes)));
    } else {
      items.add(ValidationItem.warn(ValidationRule.QUORUM, "cluster", "for " + parity + " " + recommended
          + " is recommended: " + votes(recommended, nodes) + "; " + model + ": " + votes(model, nodes)));
    }
    return items;
  }

  /** Describes the votes of a model, for example "4 nodes + witness disk = 5 votes, 3 needed: survives 2 node failures". */
  static String votes(QuorumModel model, int nodes) {
    if (model == QuorumModel.DISK_ONLY) {
      return "the witness disk is the only vote: survives " + Units.plural(nodes - 1, "node failure")
          + " but not the loss of the disk";
    }
    int total = model.totalVotes(nodes);
    int needed = model.votesNeeded(nodes);
    int survives = Math.max(0, Math.min(nodes - 1, total - needed));
    String witness = model == QuorumModel.NODE_AND_DISK_MAJORITY ? " + witness disk"
        : model == QuorumModel.NODE_AND_FILE_SHARE_MAJORITY ? " + file share witness" : "";
    return Units.plural(nodes, "node") + witness + " = " + Units.plural(total, "vote") + ", " + needed + " needed: survives "
        + Units.plural(survives, "node failure");
  }

  static List<ValidationItem> reserve(ClusterDescription d) {
    if (d.hosts().isEmpty()) {
      return List.of(ValidationItem.pass(ValidationRule.CLUSTER_RESERVE, "cluster", "no hosts are described"));
    }
    ReserveReport r = ClusterReserve.evaluate(d);
    return List.of(new ValidationItem(ValidationRule.CLUSTER_RESERVE,
        r.overCommitted() ? ValidationStatus.FAIL : ValidationStatus.PASS, "cluster", r.explanation()));
  }

  /** Groups the VMs of each guest cluster, in the file order of each guest cluster's first VM. */
  static Map<String, List<VmDescription>> guestClusters(ClusterDescription d) {
    Map<String, List<VmDescription>> out = new LinkedHashMap<>();
    for (VmDescription vm : d.vms()) {
      if (!vm.guestCluster().isEmpty()) {
        out.computeIfAbsent(vm.guestCluster(), k -> new ArrayList<>()).add(vm);
      }
    }
    return out;
  }
}
