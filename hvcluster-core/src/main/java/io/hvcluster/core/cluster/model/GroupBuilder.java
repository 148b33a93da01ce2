package io.hvcluster.core.cluster.model;

import io.hvcluster.api.LunId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a cluster's groups: VMs that share an ordinary (non-CSV) LUN fail over together. */
final class GroupBuilder {
  private GroupBuilder() {}

  /** Groups VMs that share ordinary (non-CSV) LUNs, with union-find over the VM-LUN graph. */
  static List<SimGroup> build(ClusterModel cluster, List<SimVm> vms, SimStorage storage) {
    List<SimGroup> groups = new ArrayList<>();
    int n = vms.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<LunId, Integer> firstUser = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (LunId lun : vms.get(i).spec().luns()) {
        if (storage.get(lun).spec().csv()) {
          continue;
        }
        Integer j = firstUser.putIfAbsent(lun, i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<SimVm>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(vms.get(i));
    }
    for (List<SimVm> members : byRoot.values()) {
      List<SimLun> luns = new ArrayList<>();
      for (SimVm vm : members) {
        for (LunId id : vm.spec().luns()) {
          SimLun lun = storage.get(id);
          if (!lun.spec().csv() && !luns.contains(lun)) {
            luns.add(lun);
          }
        }
      }
      SimGroup g = new SimGroup(cluster, groups.size(), members.get(0).spec().id().name(), members, luns);
      members.forEach(vm -> vm.joinGroup(g));
      groups.add(g);
    }
    return groups;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
