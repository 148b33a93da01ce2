package io.hvcluster.core.management.validation;

import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.FailoverGroup;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The guest-cluster rule: the VM nodes of a guest cluster must be able to run on different hosts, or a
 * single host failure takes the whole guest cluster down.
 */
final class GuestClusterRule {
  private GuestClusterRule() {}

  static List<ValidationItem> check(ClusterDescription d) {
    Map<String, List<VmDescription>> clusters = ClusterRules.guestClusters(d);
    List<ValidationItem> items = new ArrayList<>();
    if (clusters.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.GUEST_CLUSTER, "cluster", "no guest clusters are described"));
      return items;
    }
    Map<String, String> groupOf = new HashMap<>();
    for (FailoverGroup g : d.failoverGroups()) {
      g.vms().forEach(vm -> groupOf.put(vm.name(), g.name()));
    }
    clusters.forEach((name, members) -> items.addAll(check(d, name, members, groupOf)));
    return items;
  }

  private static List<ValidationItem> check(ClusterDescription d, String name, List<VmDescription> members,
      Map<String, String> groupOf) {
    String subject = "guest cluster " + name;
    String names = members.stream().map(VmDescription::name).collect(Collectors.joining(", "));
    List<ValidationItem> items = new ArrayList<>();
    if (members.size() < 2) {
      items.add(ValidationItem.fail(ValidationRule.GUEST_CLUSTER, subject, "has only one VM node (" + names
          + "); a guest cluster needs at least two"));
    }
    for (VmDescription vm : members) {
      if (!vm.guestOs().clusterCapable()) {
        items.add(ValidationItem.fail(ValidationRule.GUEST_CLUSTER, subject, vm.name() + " runs " + vm.guestOs()
            + ", which cannot run the cluster service; use Windows 2000 Server, 2003 or 2008"));
      }
    }
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (VmDescription vm : members) {
      byGroup.computeIfAbsent(groupOf.get(vm.name()), k -> new ArrayList<>()).add(vm.name());
    }
    byGroup.values().stream().filter(l -> l.size() > 1).forEach(l -> items.add(ValidationItem.fail(
        ValidationRule.GUEST_CLUSTER, subject, String.join(", ", l) + " share an ordinary LUN, so they always run on"
            + " the same host; give each VM node its own LUN")));
    if (members.size() >= 2 && !canSeparate(d, members)) {
      items.add(ValidationItem.fail(ValidationRule.GUEST_CLUSTER, subject, "its " + members.size() + " VM nodes ("
          + names + ") cannot all run on different hosts: " + owners(d, members)));
    }
    Map<String, List<String>> byFirstPreferred = new LinkedHashMap<>();
    for (VmDescription vm : members) {
      if (!vm.preferredOwners().isEmpty()) {
        byFirstPreferred.computeIfAbsent(vm.preferredOwners().get(0), k -> new ArrayList<>()).add(vm.name());
      }
    }
    byFirstPreferred.forEach((host, vms) -> {
      if (vms.size() > 1) {
        items.add(ValidationItem.warn(ValidationRule.GUEST_CLUSTER, subject, String.join(", ", vms) + " all prefer "
            + host + " first and may start on the same host; give them different preferred owners"));
      }
    });
    if (items.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.GUEST_CLUSTER, subject, names + " can run on different hosts"));
    }
    return items;
  }

  private static String owners(ClusterDescription d, List<VmDescription> members) {
    if (d.hosts().size() < members.size()) {
      return "the cluster has only " + Units.plural(d.hosts().size(), "host");
    }
    return members.stream().map(vm -> vm.name() + " may run on "
        + (vm.possibleOwners().isEmpty() ? "any host" : String.join(", ", vm.possibleOwners())))
        .collect(Collectors.joining("; "));
  }

  /** Bipartite matching of VM nodes to distinct hosts they may run on (augmenting paths; sizes are tiny). */
  static boolean canSeparate(ClusterDescription d, List<VmDescription> members) {
    List<HostDescription> hosts = d.hosts();
    int[] hostTaken = new int[hosts.size()];
    Arrays.fill(hostTaken, -1);
    for (int v = 0; v < members.size(); v++) {
      if (!augment(v, members, hosts, hostTaken, new boolean[hosts.size()])) {
        return false;
      }
    }
    return true;
  }

  private static boolean augment(int v, List<VmDescription> members, List<HostDescription> hosts, int[] taken,
      boolean[] seen) {
    for (int h = 0; h < hosts.size(); h++) {
      if (seen[h] || !members.get(v).mayRunOn(hosts.get(h).name())) {
        continue;
      }
      seen[h] = true;
      if (taken[h] < 0 || augment(taken[h], members, hosts, taken, seen)) {
        taken[h] = v;
        return true;
      }
    }
    return false;
  }
}
