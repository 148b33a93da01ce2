package io.hvcluster.core.management.description;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One failover group of a cluster description: VMs that share an ordinary (non-CSV) LUN are one group
 * and move together; every other VM is a group of its own. A group is named after its first VM, as the
 * cluster names it. See {@link ClusterDescription#failoverGroups()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the group's name: its first VM's name
 * @param vms its VMs, in file order
 * @param sharedLuns the ordinary LUNs its VMs share, in the order they were first shared; empty for a
 *     group of one VM
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FailoverGroup(String name, List<VmDescription> vms, List<String> sharedLuns) {
  /**
   * Creates a group; copies the lists.
   *
   * @param name the group's name
   * @param vms its VMs
   * @param sharedLuns the ordinary LUNs they share
   * @throws NullPointerException when a field or list entry is null
   */
  public FailoverGroup {
    Objects.requireNonNull(name, "name");
    vms = List.copyOf(vms);
    sharedLuns = List.copyOf(sharedLuns);
  }

  /**
   * Returns the memory of all the group's VMs.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return vms.stream().mapToLong(VmDescription::memoryBytes).sum();
  }

  /**
   * Returns whether every VM of the group may run on the host.
   *
   * @param host a host name
   * @return true when every VM's possible owners allow the host
   */
  public boolean mayRunOn(String host) {
    return vms.stream().allMatch(v -> v.mayRunOn(host));
  }

  /** Groups a description's VMs: union-find over the ordinary LUNs they use, roots in file order. */
  static List<FailoverGroup> of(ClusterDescription d) {
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
    List<FailoverGroup> groups = new ArrayList<>();
    members.forEach((root, list) -> groups.add(new FailoverGroup(list.get(0).name(), list, List.copyOf(luns.get(root)))));
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
