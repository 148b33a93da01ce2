package io.hvcluster.core.cluster.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmState;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.MemoryPort;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.memory.GuestWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Guest memory of a cluster's VMs: when it exists, what the guest writes into it, and how it is saved to
 * and restored from the VM's LUN. Two implementations differ in where the bytes live:
 * {@link ModeledVmMemory} keeps only page accounting (fleet-scale runs), {@link RealVmMemory} keeps real
 * bytes in sparse memory-mapped files and saved states on disk.
 *
 * <p>Memory is materialized lazily, when something first looks at it (a migration, a save, a user
 * reading {@code VirtualMachine.memory()}): a fleet of fifty thousand VMs that never migrate costs no
 * bitmaps. Materializing a VM that has been running touches its working set, as its guest would have
 * since boot. The guest workload then writes at its rate in virtual time; a long unobserved stretch is
 * replayed only over its last window, which leaves the memory just as verifiable.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public abstract class VmMemory implements MemoryPort {
  /** Chunks of a saved state, and the stretch a lazily restored guest touches to verify, are 1 GiB. */
  static final long CHUNK_BYTES = 1L << 30;

  /** One VM's guest: its current instance's memory and the workload that writes it. */
  private static final class Guest {
    private GuestMemory memory;
    private GuestWorkload workload;
    /** When the guest last finished a cold boot and began to write its memory. */
    private long bootedAt;
    /** Auto-converge throttle of the guest's writes, 0 to 0.99. */
    private double throttle;
  }

  /**
   * Hears that a VM's guest memory failed verification, so that its resource fails.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  @FunctionalInterface
  public interface FailureListener {
    /**
     * The VM's memory failed verification while it executes: its guest crashes.
     *
     * @param vm the VM
     * @param why what failed
     */
    void memoryFailed(SimVm vm, String why);
  }

  /** The cluster whose VMs these are. */
  final ClusterModel cluster;
  private final long workloadSeed;
  private final FailureListener failures;
  /** Each VM's guest, created on first use. */
  private final ByVm<Guest> guests = new ByVm<>(Guest::new);

  VmMemory(ClusterModel cluster, long workloadSeed, FailureListener failures) {
    this.cluster = cluster;
    this.workloadSeed = workloadSeed;
    this.failures = failures;
  }

  /**
   * Returns the memory adapter for a cluster's VMs.
   *
   * @param cluster the cluster whose VMs these are
   * @param backing modeled or real
   * @param workDirectory where real memory and saved states live (real backing only)
   * @param workloadSeed the seed of the guests' writes
   * @param failures hears that a VM's memory failed verification
   * @return the adapter
   */
  public static VmMemory create(ClusterModel cluster, MemoryBacking backing, Path workDirectory, long workloadSeed,
      FailureListener failures) {
    return backing == MemoryBacking.MODELED ? new ModeledVmMemory(cluster, workloadSeed, failures)
        : new RealVmMemory(cluster, workDirectory, workloadSeed, failures);
  }

  /** Returns the cluster whose VMs' memory this is. */
  public final ClusterModel cluster() {
    return cluster;
  }

  private Guest guest(SimVm vm) {
    return guests.get(vm);
  }

  private Guest guestOrNull(SimVm vm) {
    return guests.getOrNull(vm);
  }

  // ---- what differs between the two backings ----

  /** Allocates fresh, zeroed memory for a VM instance on a host. */
  public abstract GuestMemory allocate(SimVm vm, SimHost host);

  /** Writes the VM's memory to its saved state; {@code memory} is its current, up-to-date memory. */
  abstract SavedStateInfo saveMemory(SimVm vm, GuestMemory memory);

  /** Restores the VM's memory on its current host from its saved state; returns the memory and the info. */
  abstract Restored restoreMemory(SimVm vm, RestoreMode mode);

  /** What a restore produced. */
  record Restored(GuestMemory memory, SavedStateInfo info) {
  }

  /**
   * A lazily restored VM has resumed on {@code memory}: a chunk that fails its checksum is found now.
   *
   * @throws UncheckedIOException when restored memory fails verification
   */
  abstract void verifyRestored(GuestMemory memory);

  /** A storage fault damages the VM's committed saved state. */
  public abstract void damageSavedState(SimVm vm, SavedStateDamage damage);

  /** A cold boot forgets any saved image the backing keeps for the VM. */
  abstract void forgetSavedImage(SimVm vm);

  // ---- the guest's life ----

  /** A cold boot starts from empty memory and a fresh guest; the guest starts writing once it runs. */
  public final void coldBoot(SimVm vm) {
    discard(vm);
    Guest g = guestOrNull(vm);
    if (g != null) {
      g.workload = null;
    }
    forgetSavedImage(vm);
  }

  /** The guest finished a cold boot now and begins to write its memory. */
  public final void booted(SimVm vm) {
    guest(vm).bootedAt = cluster.now();
  }

  /** Returns the VM's memory, materializing it (and its guest's writes so far) on first use. */
  @Override
  public final GuestMemory memory(SimVm vm) {
    SimHost host = vm.node();
    if (!vm.vmState().holdsMemory() || host == null) {
      return null;
    }
    Guest g = guest(vm);
    if (g.memory == null) {
      g.memory = allocate(vm, host);
    }
    if (g.workload == null && vm.vmState() != VmState.STARTING) {
      startWorkload(vm, g);
    }
    advance(vm, g);
    return g.memory;
  }

  private void startWorkload(SimVm vm, Guest g) {
    long workingSet = vm.spec().workload().workingSetBytes() / GuestMemory.PAGE_SIZE;
    if (workingSet == 0) {
      return;
    }
    g.workload = GuestWorkload.create(workloadSeed, vm.spec().id(), vm.spec().pageCount(),
        vm.spec().workload().dirtyPagesPerSecond(), workingSet);
    g.workload.idleUntil(Math.max(0, g.bootedAt));
    g.workload.fill(g.memory, 0, workingSet);
  }

  /** Applies the guest's writes up to now if it is running; a stopped or frozen guest writes nothing. */
  private void advance(SimVm vm, Guest g) {
    GuestWorkload w = g.workload;
    if (w == null || g.memory == null) {
      return;
    }
    long now = cluster.now();
    if (!vm.serving()) {
      w.idleUntil(Math.max(now, w.nowNanos()));
      return;
    }
    long rate = w.pagesPerSecond();
    if (rate == 0) {
      w.idleUntil(now);
      return;
    }
    long workingSet = vm.spec().workload().workingSetBytes() / GuestMemory.PAGE_SIZE;
    long window = Math.max(1_000_000_000L, 2 * workingSet * 1_000_000_000L / rate);
    if (now - w.nowNanos() > window) {
      w.idleUntil(now - window);
    }
    try {
      w.advanceTo(g.memory, now);
    } catch (UncheckedIOException e) {
      w.idleUntil(now);
      poisoned(vm, e);
    }
  }

  /**
   * A lazily restored VM has resumed: its guest touches every restored chunk, so a chunk that fails its
   * checksum is found now, and the VM fails (and cold-boots) instead of running on corrupt memory.
   */
  public final void resumed(SimVm vm) {
    Guest g = guestOrNull(vm);
    if (g == null || g.memory == null) {
      return;
    }
    try {
      verifyRestored(g.memory);
    } catch (UncheckedIOException e) {
      poisoned(vm, e);
    }
  }

  /** The VM's memory failed verification: the guest crashes, after the current event. */
  private void poisoned(SimVm vm, UncheckedIOException e) {
    GuestMemory bad = guest(vm).memory;
    String why = "guest memory failed verification (" + e.getMessage() + ")";
    cluster.loop().schedule(0, () -> {
      if (guest(vm).memory == bad && vm.vmState().isExecuting() && vm.node() != null) {
        failures.memoryFailed(vm, why);
      }
    });
  }

  /**
   * Throttles the guest's writes to {@code 1 - fraction} of its normal rate from now on (auto-converge);
   * the writes due before are applied at the old rate first.
   */
  public final void throttle(SimVm vm, double fraction) {
    memory(vm);
    Guest g = guest(vm);
    g.throttle = fraction;
    GuestWorkload w = g.workload;
    if (w != null) {
      long rate = Math.round(vm.spec().workload().dirtyPagesPerSecond() * (1.0 - fraction));
      w.setRate(rate, Math.max(cluster.now(), w.nowNanos()));
    }
  }

  /** Lifts an auto-converge throttle, if the guest has one. */
  public final void unthrottle(SimVm vm) {
    Guest g = guestOrNull(vm);
    if (g != null && g.throttle != 0) {
      throttle(vm, 0);
    }
  }

  /** Before the guest stops running (save, freeze), brings its memory up to date. */
  public final void quiesce(SimVm vm) {
    Guest g = guestOrNull(vm);
    if (g != null && g.memory != null) {
      advance(vm, g);
    }
  }

  /** Writes the VM's memory to its saved-state file (or, when modeled, keeps its page accounting). */
  public final SavedStateInfo save(SimVm vm) {
    GuestMemory memory = memory(vm);
    if (memory == null) {
      throw new IllegalStateException(vm.describe() + " holds no memory to save in state " + vm.vmState());
    }
    SimLun lun = cluster.storage().get(vm.spec().luns().get(0));
    if (lun.writeError() != null) {
      throw new UncheckedIOException(new IOException("writing to " + lun.describe() + " failed: " + lun.writeError()));
    }
    return saveMemory(vm, memory);
  }

  /** Restores the VM's memory on its current host from its saved state and makes it the VM's memory. */
  public final SavedStateInfo restore(SimVm vm, RestoreMode mode) {
    discard(vm);
    Restored r = restoreMemory(vm, mode);
    guest(vm).memory = r.memory();
    return r.info();
  }

  /** The VM's instance holds no memory any more: its memory is released. */
  @Override
  public final void instanceEnded(SimVm vm) {
    discard(vm);
  }

  /** Takes the VM's current memory away from it (a switchover hands the VM the target's memory next). */
  public final GuestMemory detach(SimVm vm) {
    Guest g = guestOrNull(vm);
    if (g == null) {
      return null;
    }
    GuestMemory m = g.memory;
    g.memory = null;
    return m;
  }

  /** Makes {@code memory} the VM's current memory; {@code old}, its memory before, is released unless reused. */
  public final void attach(SimVm vm, GuestMemory memory, GuestMemory old) {
    if (old != null && old != memory) {
      old.close();
    }
    guest(vm).memory = memory;
  }

  /** Checks the VM's memory against everything its guest workload wrote. */
  public final GuestWorkload.Verification verify(SimVm vm) {
    GuestMemory m = memory(vm);
    if (m == null) {
      throw new IllegalStateException(vm.describe() + " holds no guest memory in state " + vm.vmState());
    }
    // A guest with no working set never writes: its memory must simply be untouched zeros.
    GuestWorkload w = guest(vm).workload;
    return w != null ? w.verify(m) : GuestWorkload.create(0, vm.spec().id(), vm.spec().pageCount(), 0, 1).verify(m);
  }

  /** Returns the VM's guest workload, or null while its guest writes nothing (read by tests). */
  public final GuestWorkload workload(SimVm vm) {
    Guest g = guestOrNull(vm);
    return g == null ? null : g.workload;
  }

  /** Returns the VM's memory as it is, neither materialized nor brought up to date, or null (read by tests). */
  public final GuestMemory current(SimVm vm) {
    Guest g = guestOrNull(vm);
    return g == null ? null : g.memory;
  }

  private void discard(SimVm vm) {
    Guest g = guestOrNull(vm);
    if (g != null && g.memory != null) {
      g.memory.close();
      g.memory = null;
    }
  }

  /** Info of a saved state the backing keeps no file for (modeled), in the real format's terms. */
  public static SavedStateInfo info(SimVm vm, long generation, long storedPages) {
    long bytes = vm.spec().memoryBytes();
    return new SavedStateInfo(vm.spec().id(), generation, bytes, GuestMemory.PAGE_SIZE, (int) CHUNK_BYTES,
        (int) ((bytes + CHUNK_BYTES - 1) / CHUNK_BYTES), storedPages);
  }
}
