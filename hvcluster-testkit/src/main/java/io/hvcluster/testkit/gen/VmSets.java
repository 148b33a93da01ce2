package io.hvcluster.testkit.gen;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Generators of VM sets for a given list of nodes and storage layout: memory sizes, guests,
 * priorities, preferred owners, guest workloads, and the LUNs the layout calls for. VM counts shrink
 * toward the minimum and every VM shrinks toward a small, plain one.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * Gen<VmSet> vms = VmSets.generator(List.of(HostId.of("node1"), HostId.of("node2")), StorageLayout.CSV, 1, 8);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class VmSets {
  private static final List<Long> MEMORY_MIB = List.of(512L, 1024L, 2048L, 4096L);

  private VmSets() {}

  /**
   * Returns a generator of {@code min} to {@code max} VMs named {@code vm1}, {@code vm2}, … for the given
   * nodes and layout.
   *
   * @param hosts the nodes, used as preferred owners
   * @param layout how the VMs keep their files
   * @param min the fewest VMs
   * @param max the most VMs
   * @return the generator
   * @throws IllegalArgumentException when the range is invalid or there are no nodes
   */
  public static Gen<VmSet> generator(List<HostId> hosts, StorageLayout layout, int min, int max) {
    return generator(hosts, layout, min, max, Long.MAX_VALUE);
  }

  /**
   * Returns a generator of {@code min} to {@code max} VMs, as {@link #generator(List, StorageLayout, int,
   * int)} does, whose guests touch at most {@code maxWorkingSetMiB} of memory (small working sets keep
   * simulated migrations, saves and restores cheap).
   *
   * @param hosts the nodes, used as preferred owners
   * @param layout how the VMs keep their files
   * @param min the fewest VMs
   * @param max the most VMs
   * @param maxWorkingSetMiB the most memory a guest writes, in MiB
   * @return the generator
   * @throws IllegalArgumentException when the range is invalid, there are no nodes, or the cap is negative
   */
  public static Gen<VmSet> generator(List<HostId> hosts, StorageLayout layout, int min, int max, long maxWorkingSetMiB) {
    if (maxWorkingSetMiB < 0) {
      throw new IllegalArgumentException("working set cap is " + maxWorkingSetMiB + " MiB; it must be 0 or more");
    }
    if (hosts.isEmpty() || min < 0 || min > max) {
      throw new IllegalArgumentException("VM set needs nodes and a count range with 0 <= min <= max, not " + hosts.size()
          + " nodes and [" + min + ", " + max + "]");
    }
    List<HostId> nodes = List.copyOf(hosts);
    Gen<Shape> shape = Gen.zip(Gen.elements(MEMORY_MIB), Gen.zip(Gen.elements(GuestOs.WINDOWS_SERVER_2008,
        GuestOs.WINDOWS_SERVER_2008_CORE, GuestOs.WINDOWS_SERVER_2003, GuestOs.SUSE_LINUX_ENTERPRISE_10),
        Gen.zip(Gen.elements(Priority.MEDIUM, Priority.HIGH, Priority.LOW), Gen.subsets(nodes, 0).map(l ->
            l.size() > 2 ? l.subList(0, 2) : l), Pair::new), Pair::new),
        (mib, rest) -> new Shape(mib, rest.a, rest.b.a, rest.b.b));
    Gen<Integer> lunCount = layout == StorageLayout.LUN_PER_VM ? Gen.constant(0) : Gen.integers(1, 3);
    return Gen.lists(shape, min, max).flatMap(shapes -> lunCount.flatMap(luns ->
        Gen.lists(Gen.integers(0, Math.max(0, luns - 1)), shapes.size(), shapes.size())
            .flatMap(assignment -> workloads(shapes, maxWorkingSetMiB).map(w -> build(shapes, layout, luns, assignment,
                w)))));
  }

  private static Gen<List<io.hvcluster.api.spec.WorkloadSpec>> workloads(List<Shape> shapes, long maxWorkingSetMiB) {
    Gen<List<io.hvcluster.api.spec.WorkloadSpec>> out = Gen.constant(List.of());
    for (Shape s : shapes) {
      Gen<List<io.hvcluster.api.spec.WorkloadSpec>> prefix = out;
      out = Gen.zip(prefix, Workloads.guest(Math.min(s.memoryMiB, Math.min(maxWorkingSetMiB, 1L << 40) * 2) << 20), (list, w) -> {
        List<io.hvcluster.api.spec.WorkloadSpec> more = new ArrayList<>(list);
        more.add(w);
        return more;
      });
    }
    return out;
  }

  private static VmSet build(List<Shape> shapes, StorageLayout layout, int lunCount, List<Integer> assignment,
      List<io.hvcluster.api.spec.WorkloadSpec> workloads) {
    List<VmSpec> vms = new ArrayList<>();
    List<LunSpec> luns = new ArrayList<>();
    boolean[] used = new boolean[Math.max(1, lunCount)];
    for (int i = 0; i < shapes.size(); i++) {
      Shape s = shapes.get(i);
      String lun;
      switch (layout) {
        case LUN_PER_VM:
          lun = "lun-vm" + (i + 1);
          luns.add(LunSpec.data(lun, 40));
          break;
        case SHARED_LUNS:
          lun = "lun" + (assignment.get(i) + 1);
          used[assignment.get(i)] = true;
          break;
        default:
          lun = "csv" + (assignment.get(i) + 1);
          used[assignment.get(i)] = true;
          break;
      }
      VmSpec.Builder b = VmSpec.builder("vm" + (i + 1)).memoryMiB(s.memoryMiB).guestOs(s.guest).priority(s.priority)
          .lun(lun).workload(workloads.get(i));
      b.preferredOwners(s.preferred.stream().map(HostId::name).toArray(String[]::new));
      vms.add(b.build());
    }
    if (layout != StorageLayout.LUN_PER_VM) {
      for (int k = 0; k < lunCount; k++) {
        if (used[k]) {
          luns.add(layout == StorageLayout.CSV ? LunSpec.sharedVolume("csv" + (k + 1), 500) : LunSpec.data("lun" + (k + 1), 200));
        }
      }
    }
    return new VmSet(vms, luns);
  }

  private static final class Shape {
    private final long memoryMiB;
    private final GuestOs guest;
    private final Priority priority;
    private final List<HostId> preferred;

    Shape(long memoryMiB, GuestOs guest, Priority priority, List<HostId> preferred) {
      this.memoryMiB = memoryMiB;
      this.guest = guest;
      this.priority = priority;
      this.preferred = preferred;
    }
  }

  private record Pair<A, B>(A a, B b) {
  }
}
