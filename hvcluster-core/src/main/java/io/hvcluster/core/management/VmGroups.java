package io.hvcluster.core.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failover groups of a description: VMs that share an ordinary (non-CSV) LUN are one group and
 * move together; every other VM is a group of its own. Groups are in the file order of their first VM
 * and are named after it, as the cluster names them.
 */
final class VmGroups {
  /** One group: its VMs in file order and the ordinary LUNs its VMs share. */
  record Group(String name, List<VmDescription> vms, Set<String> sharedLuns) {
    long memoryBytes() {
      return vms.stream().mapToLong(VmDescription::memoryBytes).sum();
    }

    boolean mayRunOn(String host) {
      return vms.stream().allMatch(v -> v.mayRunOn(host));
    }

    MemoryPacking.Item item() {
      return new MemoryPacking.Item(name, vms.size(), memoryBytes(), this::mayRunOn);
    }
  }

  private VmGroups() {}

  static List<Group> of(ClusterDescription d) {
    List<VmDescription> vms = d.vms();
    int[] parent = new int[vms.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstUser = new LinkedHashMap<>();
    Map<Integer, Set<String>> shared = new LinkedHashMap<>();
    for (int i = 0; i < vms.size(); i++) {
      for (String lun : vms.get(i).luns()) {
        if (isCsv(d, lun)) {
          continue;
        }
        Integer first = firstUser.putIfAbsent(lun, i);
        if (first != null) {
          union(parent, first, i);
          shared.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(lun);
        }
      }
    }
    Map<Integer, List<VmDescription>> members = new LinkedHashMap<>();
    Map<Integer, Set<String>> luns = new LinkedHashMap<>();
    for (int i = 0; i < vms.size(); i++) {
      int root = find(parent, i);
      members.computeIfAbsent(root, k -> new ArrayList<>()).add(vms.get(i));
      luns.computeIfAbsent(root, k -> new LinkedHashSet<>());
    }
    shared.forEach((first, names) -> luns.get(find(parent, first)).addAll(names));
    List<Group> groups = new ArrayList<>();
    members.forEach((root, list) -> groups.add(new Group(list.get(0).name(), List.copyOf(list), luns.get(root))));
    return groups;
  }

  private static boolean isCsv(ClusterDescription d, String lun) {
    return d.storage().flatMap(s -> s.lun(lun).map(s::isCsv)).orElse(false);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Keeps the smaller index as root, so that roots follow file order. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra < rb) {
      parent[rb] = ra;
    } else if (rb < ra) {
      parent[ra] = rb;
    }
  }
}
