package io.hvcluster.api.migration;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.IllegalStateTransitionException;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.CostModel;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * What a {@link MigrationStrategy} sees and does during one migration. The context reads the source,
 * target, VM, memory and storage; acts on the VM and its LUNs through the cluster's state machines; and
 * schedules the strategy's next steps in virtual time.
 *
 * <p>Every action is checked: an action the state machines or safety rules forbid throws
 * ({@link IllegalStateTransitionException} or {@link IllegalStateException}) and, if the strategy lets
 * the exception escape a step (or {@link MigrationStrategy#start}), the migration ends as {@link #fail}
 * ends it, with a reason that names the strategy and the exception: {@link MigrationOutcome#ROLLED_BACK}
 * when the VM still runs on the source (nothing was lost), {@link MigrationOutcome#FAILED} when it runs on
 * neither node. Once the migration has ended or was aborted, scheduled steps no longer run and actions
 * throw {@link IllegalStateException}. A migration still open after {@link MigrationStrategy#timeLimit()}
 * is ended by the cluster the same way.
 *
 * <p>Downtime is measured by the cluster, not reported by the strategy: it is the virtual time during
 * which the VM was neither running nor migrating live (or was frozen), that is, served nobody.
 *
 * <p>Not thread-safe: used only on the simulation's thread, from inside the strategy's steps.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface MigrationContext {
  /**
   * Returns the VM being migrated.
   *
   * @return the VM
   */
  VirtualMachine vm();

  /**
   * Returns the node the VM leaves.
   *
   * @return the source node
   */
  Host source();

  /**
   * Returns the node the VM moves to.
   *
   * @return the target node
   */
  Host target();

  /**
   * Returns the cluster.
   *
   * @return the cluster
   */
  Cluster cluster();

  /**
   * Returns the shared storage that holds the VM's LUNs.
   *
   * @return the storage
   */
  SharedStorage storage();

  /**
   * Returns the calibrated cost model that turns bytes and handovers into virtual time.
   *
   * @return the cost model
   */
  CostModel costs();

  /**
   * Returns the current virtual time.
   *
   * @return nanoseconds since the simulation started
   */
  long nowNanos();

  /**
   * Returns a random stream private to this migration, derived from the simulation's seed, for
   * strategies that make random choices deterministically.
   *
   * @return the random stream
   */
  RandomGenerator random();

  /**
   * Returns the VM's guest memory on the source, advanced to the current virtual time (the guest
   * workload's writes up to now are applied).
   *
   * @return the source memory
   * @throws IllegalStateException when the VM holds no memory
   */
  GuestMemory sourceMemory();

  /**
   * Starts a named phase now, ending the previous one. Phases appear in the result and as events.
   *
   * @param name the phase's name, for example {@code "save"}
   */
  void phase(String name);

  /**
   * Runs {@code step} after {@code delay} of virtual time, unless the migration has ended or been
   * aborted by then. An exception escaping the step ends the migration as {@link #fail} does.
   *
   * @param delay how long to wait; zero runs the step after the current event
   * @param step the continuation
   */
  void after(Duration delay, Runnable step);

  /**
   * Writes {@code bytes} from the VM's current node to its LUN (the first of its LUNs, which holds its
   * saved state) and runs {@code then} when the last byte is written, unless the migration has ended by
   * then. The bytes share the node's storage path and the array with every other transfer under way
   * (fair shares, recomputed whenever a transfer starts or ends), so concurrent saves take longer; a node
   * that reaches a Cluster Shared Volume only through its coordinator writes over the cluster network.
   * The default, for contexts without shared bandwidth, waits {@code costs().storageWrite(bytes)}.
   *
   * @param bytes how many bytes, at least 0
   * @param then the continuation
   */
  default void writeToStorage(long bytes, Runnable then) {
    after(costs().storageWrite(bytes), then);
  }

  /**
   * Reads {@code bytes} from the VM's LUN into its current node, sharing bandwidth as
   * {@link #writeToStorage} does, and runs {@code then} when the last byte has arrived. The default waits
   * {@code costs().storageRead(bytes)}.
   *
   * @param bytes how many bytes, at least 0
   * @param then the continuation
   */
  default void readFromStorage(long bytes, Runnable then) {
    after(costs().storageRead(bytes), then);
  }

  /**
   * Sends {@code bytes} over the live-migration network from the source to the target, sharing each
   * node's migration network with the other migrations under way, and runs {@code then} when the last
   * byte has arrived (latency excluded). The default waits {@code costs().linkTransfer(bytes)}.
   *
   * @param bytes how many bytes, at least 0
   * @param then the continuation
   */
  default void sendToTarget(long bytes, Runnable then) {
    after(costs().linkTransfer(bytes), then);
  }

  /**
   * Registers a handler that runs if the cluster aborts the migration (for example because the source or
   * target crashed); it receives the reason. The cluster resolves the VM's state itself afterwards.
   *
   * @param handler the handler
   */
  void onAbort(Consumer<String> handler);

  /**
   * Returns whether the migration has ended or was aborted.
   *
   * @return true once over
   */
  boolean isOver();

  /**
   * Moves the VM to another state on its current node, as its state machine allows. Entering a state
   * that executes or holds memory is checked against the node's state, storage ownership and memory.
   *
   * @param to the new state
   * @param reason why, for the event
   * @throws IllegalStateTransitionException when the state machine forbids the transition
   * @throws IllegalStateException when a safety rule forbids it
   */
  void transition(VmState to, String reason);

  /**
   * Stops the VM from executing while it stays {@link VmState#MIGRATING}: the blackout of a live
   * migration's stop-and-copy begins and the guest workload stops writing.
   *
   * @throws IllegalStateException when the VM is not migrating
   */
  void freeze();

  /**
   * Lets a frozen VM execute again on the source (a live migration abandons its stop-and-copy).
   *
   * @throws IllegalStateException when the VM is not frozen
   */
  void thaw();

  /**
   * Returns the VM's memory on the target, allocating it on first call (a live migration copies pages
   * into it). Its size equals the VM's.
   *
   * @return the target memory
   */
  GuestMemory targetMemory();

  /**
   * Ends a live migration's blackout: the VM, frozen in {@link VmState#MIGRATING}, now runs on the target
   * with the target memory, and its source instance is gone.
   *
   * @throws IllegalStateException when the VM is not frozen, the target does not own the VM's ordinary
   *     LUNs, or the target is no longer an up member
   */
  void switchover();

  /**
   * Makes the target the VM's node while the VM neither executes nor holds memory (saved or off), so that
   * it can be restored or booted there.
   *
   * @throws IllegalStateException when the VM executes or holds memory
   */
  void relocateToTarget();

  /**
   * Releases the source's reservations on the VM's ordinary LUNs (nothing to do for Cluster Shared
   * Volumes).
   *
   * @throws IllegalStateException when the VM still executes on the source and is not frozen
   */
  void releaseStorage();

  /**
   * Has the target arbitrate for the VM's ordinary LUNs, which takes the arbitration time of the cost
   * model, then calls {@code then} with whether the target won every LUN. Cluster Shared Volumes need no
   * arbitration: {@code then} runs after the current event with {@code true}.
   *
   * @param then receives true when the target now owns the VM's ordinary LUNs
   */
  void acquireStorage(Consumer<Boolean> then);

  /**
   * Writes the VM's memory to a saved-state file on its LUN now (real bytes for real memory; for modeled
   * memory the same accounting without bytes). The VM must be {@link VmState#SAVING}. The strategy
   * charges the virtual time itself, usually with {@link #writeToStorage}.
   *
   * @return the committed saved state
   * @throws IllegalStateException when the VM is not saving
   * @throws java.io.UncheckedIOException when the save fails
   */
  SavedStateInfo saveState();

  /**
   * Restores the VM's memory on its current node from its committed saved state. The VM must be
   * {@link VmState#RESTORING}. The strategy charges the virtual time itself, usually
   * {@code costs().restoreSetup()} and then {@link #readFromStorage}.
   *
   * @param mode eager (copy and verify everything) or lazy (copy and verify each chunk on first access)
   * @return the restored saved state's description
   * @throws IllegalStateException when the VM is not restoring
   * @throws java.io.UncheckedIOException when the saved state is missing, incomplete or corrupt (the cause
   *     is then a {@link io.hvcluster.api.CorruptSavedStateException}) or cannot be read
   */
  SavedStateInfo restoreState(RestoreMode mode);

  /**
   * Cold-boots the VM on its current node: {@link VmState#STARTING} now, {@link VmState#RUNNING} after
   * the boot model's time, then {@code then} runs.
   *
   * @param then runs once the VM is running
   */
  void boot(Runnable then);

  /**
   * Returns whether the live-migration network between source and target carries traffic now.
   *
   * @return false when the link is cut or either node is down
   */
  boolean migrationLinkUp();

  /**
   * Throttles the guest on the source (auto-converge): it writes memory at {@code 1 - fraction} of its
   * normal rate until the migration ends or the throttle changes.
   *
   * @param fraction 0 (no throttle) to 0.99
   * @throws IllegalArgumentException when the fraction is out of range
   */
  void throttleGuest(double fraction);

  /**
   * Returns whether the acknowledgement of the switchover was lost (a fault): the strategy should confirm
   * the outcome by probing the target before it reports it.
   *
   * @return true when the acknowledgement is lost
   */
  boolean acknowledgementLost();

  /**
   * Counts bytes moved on behalf of the migration.
   *
   * @param bytes bytes written, read or sent
   */
  void addBytes(long bytes);

  /**
   * Records a memory-copy pass.
   *
   * @param pass the pass
   */
  void recordPass(MigrationPass pass);

  /**
   * Records that a live migration fell back to quick migration.
   */
  void markFellBackToQuick();

  /**
   * Ends the migration as completed.
   *
   * @param detail a short account for the result
   * @throws IllegalStateException when the VM does not run on the target
   */
  void complete(String detail);

  /**
   * Ends the migration as rolled back.
   *
   * @param reason why it was abandoned
   * @throws IllegalStateException when the VM does not run on the source, or would resume there after the
   *     source released its ordinary LUNs (then {@link #fail} it: the VM stops and the cluster restarts it)
   */
  void rollBack(String reason);

  /**
   * Ends the migration because it cannot go on. The cluster then settles the VM where it may be, and the
   * outcome says where that is: {@link MigrationOutcome#ROLLED_BACK} when the VM still runs (or runs again)
   * on the source, which holds its storage; otherwise {@link MigrationOutcome#FAILED}: a VM left off is
   * handed to the failover engine, a saved VM stays saved.
   *
   * @param reason why it cannot go on
   */
  void fail(String reason);
}
