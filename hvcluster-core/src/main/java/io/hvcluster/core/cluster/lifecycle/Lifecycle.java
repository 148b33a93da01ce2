package io.hvcluster.core.cluster.lifecycle;

import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.core.cluster.bandwidth.Bandwidth.Transfer;
import io.hvcluster.core.cluster.bandwidth.Paths;
import io.hvcluster.core.cluster.memory.VmMemory;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.Migration;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.cluster.model.StartSlots;
import io.hvcluster.core.sim.EventLoop;
import java.time.Duration;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Starts, restores, saves, stops and kills VM instances on hosts, with the virtual time each takes: the
 * boot model (host installation overhead plus the guest's nominal boot, with seeded jitter), restore and
 * save costs from the cost model, at most {@code maxConcurrentStartsPerNode} starts per node at a time,
 * and the pending timeout on starts.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Lifecycle {
  /**
   * What a cold boot reads from the VM's disk before the rest of its boot: Windows Server 2008's boot
   * and its services' start read about this much (a model figure; see docs/failover-model.md).
   */
  public static final long BOOT_READ_BYTES = 128L << 20;

  private final ClusterModel cluster;
  private final VmMemory memory;
  private final Paths paths;
  private final StartListener starts;

  /**
   * Creates the lifecycle of a cluster's VMs.
   *
   * @param memory the guest memory of the cluster's VMs
   * @param paths the shared bandwidth that saves and restores take
   * @param starts hears how starts end that did not end running
   */
  public Lifecycle(VmMemory memory, Paths paths, StartListener starts) {
    this.memory = memory;
    this.paths = paths;
    this.starts = starts;
    this.cluster = memory.cluster();
  }

  /**
   * Boots (or restores, for a saved VM) {@code vm} on {@code host}, waiting for a start slot if needed;
   * {@code onBegin} runs when the start actually begins (the VM then holds memory on the host) and
   * {@code onRunning} when it runs. A failed start goes to the reconciler.
   */
  public void start(SimVm vm, SimHost host, Runnable onBegin, Runnable onRunning) {
    start(vm, host, () -> true, onBegin, onRunning);
  }

  /**
   * Like {@link #start(SimVm, SimHost, Runnable, Runnable)}, but a start that had to wait for a slot
   * begins only if {@code stillWanted} holds when the slot frees; otherwise {@code onBegin} runs and the
   * reconciler learns that the start was cancelled (an operator stopped the VM meanwhile, say).
   */
  public void start(SimVm vm, SimHost host, java.util.function.BooleanSupplier stillWanted, Runnable onBegin,
      Runnable onRunning) {
    int max = cluster.spec().settings().maxConcurrentStartsPerNode();
    StartSlots slots = host.startSlots();
    if (slots.full(max)) {
      vm.queueOn(host);
      long epoch = slots.epoch();
      slots.queue(vm, () -> {
        vm.dequeued(host);
        if (slots.epoch() != epoch) {
          return; // the host stopped running (it crashed, or its cluster service did) since the start queued
        }
        if (!stillWanted.getAsBoolean()) {
          onBegin.run();
          starts.startCancelled(vm);
          return;
        }
        start(vm, host, stillWanted, onBegin, onRunning);
      });
      return;
    }
    if (!host.sendsHeartbeats()) {
      onBegin.run();
      starts.startAbandoned(vm, host.id() + " is not running");
      return;
    }
    SimHost old = vm.node();
    if (old != null && old != host && vm.vmState().holdsMemory()) {
      // Only reachable when a deliberate defect skipped fencing: the old instance lingers where it was.
      vm.abandonInstance("cluster lost track of the instance on " + old.id());
    }
    vm.takeStartSlot(host);
    // The group's reservation becomes committed memory as the VM moves in: release it first, so that
    // nothing ever sees both.
    onBegin.run();
    if (vm.vmState() == VmState.SAVED) {
      vm.moveTo(VmState.RESTORING, host, "restoring saved state on " + host.id());
      io.hvcluster.api.SavedStateInfo info;
      try {
        info = memory.restore(vm, io.hvcluster.api.RestoreMode.LAZY);
      } catch (java.io.UncheckedIOException e) {
        // A missing or corrupt saved state is never used: the VM cold-boots instead, and says why.
        vm.moveTo(VmState.OFF, null, "saved state rejected (" + e.getMessage() + "); cold boot instead");
        memory.coldBoot(vm);
        start(vm, host, () -> { }, onRunning);
        return;
      }
      // Hyper-V 2008 reads the whole saved memory back before the VM resumes.
      long bytes = vm.spec().memoryBytes();
      vm.awaitCompletion(cluster.loop().schedule(cluster.costs().restoreSetup().toNanos(), () -> {
        vm.completionDue();
        Transfer read = paths.read(host, savedStateLun(vm), bytes, () -> started(vm, host, onRunning,
            "restored from saved state"));
        vm.awaitCompletion(read::cancel);
      }));
    } else {
      memory.coldBoot(vm);
      boolean failing = vm.takeFailingStart();
      vm.moveTo(VmState.STARTING, host, "cold boot on " + host.id());
      long nanos = failing ? vm.failingStartNanos() : bootNanos(vm, host);
      long pending = vm.spec().failover().pendingTimeout().toNanos();
      EventLoop loop = cluster.loop();
      if (failing) {
        vm.awaitCompletion(loop.schedule(Math.min(nanos, pending), () -> startFailed(vm, host,
            nanos < pending ? "start failed: the VM's configuration or disk is broken"
                : "start exceeded the pending timeout of " + pendingText(vm))));
      } else if (nanos >= pending) {
        vm.awaitCompletion(loop.schedule(pending, () -> startFailed(vm, host,
            "start exceeded the pending timeout of " + pendingText(vm))));
      } else {
        new ColdBoot(vm, host, nanos, pending, onRunning).begin();
      }
    }
  }

  /**
   * A cold boot that will succeed unless it outlasts the pending timeout: the guest first reads its boot
   * files ({@link #BOOT_READ_BYTES}) from its disk through the host's shared storage path, then does
   * the rest of its boot. Alone on the path the boot takes its nominal time; in a boot storm the reads
   * share the path and the array, and the boots stretch (past the pending timeout, if enough boot at once).
   */
  private final class ColdBoot {
    private final SimVm vm;
    private final SimHost host;
    private final long rest;
    private final long pending;
    private final Runnable onRunning;
    private final long begun;
    private EventLoop.Timer timeout;
    private EventLoop.Timer restTimer;
    private Transfer read;

    ColdBoot(SimVm vm, SimHost host, long nominalNanos, long pending, Runnable onRunning) {
      this.vm = vm;
      this.host = host;
      this.pending = pending;
      this.onRunning = onRunning;
      this.begun = cluster.now();
      long readAlone = (long) (cluster.costs().storageRead(BOOT_READ_BYTES).toNanos() * slowdown(vm));
      this.rest = Math.max(0, nominalNanos - readAlone);
    }

    void begin() {
      EventLoop loop = cluster.loop();
      timeout = loop.schedule(pending, () -> {
        cancel();
        startFailed(vm, host, "start exceeded the pending timeout of " + pendingText(vm));
      });
      read = paths.read(host, savedStateLun(vm), BOOT_READ_BYTES, () -> restTimer = loop.schedule(rest, () -> {
        timeout.cancel();
        started(vm, host, onRunning, "booted in " + millis(cluster.now() - begun) + " ms");
      }));
      vm.awaitCompletion(this::cancel);
    }

    private void cancel() {
      timeout.cancel();
      read.cancel();
      if (restTimer != null) {
        restTimer.cancel();
      }
    }
  }

  private static String pendingText(SimVm vm) {
    return vm.spec().failover().pendingTimeout().toSeconds() + " s";
  }

  private static boolean stillStarting(SimVm vm, SimHost host) {
    return vm.node() == host && vm.isStarting();
  }

  private void started(SimVm vm, SimHost host, Runnable onRunning, String why) {
    vm.completionDue();
    if (!stillStarting(vm, host)) {
      return;
    }
    if (host.isHung()) {
      // A hung host makes no progress; the start completes when it resumes.
      host.park(() -> started(vm, host, onRunning, why));
      return;
    }
    boolean restored = vm.vmState() == VmState.RESTORING;
    if (!restored) {
      memory.booted(vm);
    }
    vm.moveTo(VmState.RUNNING, host, why);
    if (restored) {
      memory.resumed(vm);
    }
    onRunning.run();
  }

  private void startFailed(SimVm vm, SimHost host, String why) {
    vm.completionDue();
    if (!stillStarting(vm, host)) {
      return;
    }
    if (host.isHung()) {
      host.park(() -> startFailed(vm, host, why));
      return;
    }
    starts.startFailed(vm, why);
  }

  /** Takes a running VM offline with its offline action, then runs {@code done}. */
  public void takeOffline(SimVm vm, String why, Runnable done) {
    if (vm.isStarting()) {
      vm.cancelTimers();
      vm.moveTo(VmState.OFF, null, why);
      starts.startCancelled(vm);
      done.run();
      return;
    }
    if (vm.vmState() != VmState.RUNNING) {
      done.run();
      return;
    }
    SimHost host = vm.node();
    switch (vm.spec().offlineAction()) {
      case SAVE -> {
        memory.quiesce(vm);
        vm.moveTo(VmState.SAVING, host, why + " (offline action: save)");
        io.hvcluster.api.SavedStateInfo info;
        try {
          info = memory.save(vm);
        } catch (java.io.UncheckedIOException e) {
          vm.moveTo(VmState.RUNNING, host, "save failed (" + e.getMessage() + "); the VM keeps running");
          done.run();
          return;
        }
        // The pause and the device state, then the whole memory (zero pages are not free in 2008).
        long bytes = vm.spec().memoryBytes();
        vm.offlineDone(done);
        long fixed = cluster.costs().vmPause().plus(cluster.costs().deviceStateSave()).toNanos();
        vm.awaitCompletion(cluster.loop().schedule(fixed, () -> {
          vm.completionDue();
          vm.awaitCompletion(paths.write(host, savedStateLun(vm), bytes, () -> {
            vm.completionDue();
            vm.offlineCompleted();
            vm.moveTo(VmState.SAVED, host, "state saved to LUN " + vm.spec().luns().get(0) + " (generation "
                + info.generation() + ", " + bytes / (1 << 20) + " MiB)");
            done.run();
          })::cancel);
        }));
      }
      case SHUT_DOWN, SHUT_DOWN_FORCED -> {
        vm.moveTo(VmState.STOPPING, host, why + " (offline action: shut down)");
        long nanos = shutdownNanos(vm);
        vm.offlineDone(done);
        vm.awaitCompletion(cluster.loop().schedule(nanos, () -> {
          vm.completionDue();
          vm.offlineCompleted();
          vm.moveTo(VmState.OFF, null, "guest shut down");
          done.run();
        }));
      }
      case TURN_OFF -> {
        vm.moveTo(VmState.OFF, null, why + " (offline action: turn off)");
        done.run();
      }
      default -> throw new AssertionError(vm.spec().offlineAction());
    }
  }

  /** Stops a VM at once, wherever it is, with nothing saved (power loss, fencing, service stop). */
  public void kill(SimVm vm, String why) {
    boolean wasStarting = vm.isStarting();
    Migration run = vm.migration();
    vm.die(why);
    if (run != null) {
      run.abort(why);
    }
    if (wasStarting) {
      starts.startCancelled(vm);
    }
  }

  public long bootNanos(SimVm vm, SimHost host) {
    GuestOs os = vm.spec().guestOs();
    double jitter = cluster.spec().settings().costs().bootJitter();
    SplittableRandom random = cluster.randomFor("boot-" + vm.boots(), vm);
    double factor = 1.0 + jitter * (random.nextDouble() * 2 - 1);
    long guest = (long) (os.nominalBootSeconds() * 1e9 * factor);
    long overhead = host.hostSpec().installation().vmStartOverheadMillis() * 1_000_000L;
    return (long) ((overhead + guest) * slowdown(vm));
  }

  /** The LUN that holds a VM's saved state: its first, where its configuration lives. */
  public SimLun savedStateLun(SimVm vm) {
    return cluster.storage().get(vm.spec().luns().get(0));
  }

  public long shutdownNanos(SimVm vm) {
    return Duration.ofSeconds(Math.max(5, vm.spec().guestOs().nominalBootSeconds() / 3)).toNanos();
  }

  /** How much slower than normal the VM's storage is (the slowest of its LUNs). */
  public double slowdown(SimVm vm) {
    double f = 1.0;
    for (var id : vm.spec().luns()) {
      f = Math.max(f, cluster.storage().get(id).slowdown());
    }
    return f;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
