package io.hvcluster.testkit.workload;

import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.HostSelector;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An administrator's operation on the cluster at a moment of virtual time, as data. Like faults,
 * operations name their nodes by selector and are resolved against the live cluster when they run; an
 * engine binding performs them and records each as invoke / ok / fail / info in the history.
 *
 * <p>Every implementation is an immutable, thread-safe record. Example:
 *
 * <pre>{@code
 * Operation op = new Operation.Migrate(Duration.ofSeconds(30), VmId.of("web1"), HostSelector.one(),
 *     MigrationKind.QUICK);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface Operation {
  /**
   * Returns when the operation is invoked, from the start of the workload.
   *
   * @return the time
   */
  Duration at();

  /**
   * Returns the operation's name as histories record it, for example {@code "migrate"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns a copy invoked at another time.
   *
   * @param time the new time
   * @return the copy
   */
  Operation at(Duration time);

  /**
   * Returns the operation in one line, for example {@code "at 30s migrate vm=web1 to=one kind=quick"}.
   *
   * @return the description
   */
  String describe();

  /**
   * How a VM moved, before the library had one list of migration kinds.
   *
   * @deprecated use {@link io.hvcluster.api.migration.MigrationKind}, the library's one list, which
   *     {@link Migrate} takes; kept for one version (CHANGELOG.md)
   * @since 0.1.0
   */
  @API(status = API.Status.DEPRECATED, since = "0.1.0")
  @Deprecated(since = "0.1.0", forRemoval = true)
  enum MigrationKind {
    /** Save, move storage, restore (Windows Server 2008). */
    QUICK,
    /** Pre-copy memory while running, then a short blackout. */
    LIVE;

    /**
     * Returns the same kind in the library's one list.
     *
     * @return the kind
     */
    public io.hvcluster.api.migration.MigrationKind kind() {
      return io.hvcluster.api.migration.MigrationKind.valueOf(name());
    }
  }

  private static void check(Duration at) {
    Objects.requireNonNull(at, "at");
    if (at.isNegative()) {
      throw new IllegalArgumentException("operation time " + at + " is negative");
    }
  }

  /**
   * Asks the cluster to start a VM.
   *
   * @param at when
   * @param vm the VM
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record StartVm(Duration at, VmId vm) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param vm the VM
     */
    public StartVm {
      check(at);
      Objects.requireNonNull(vm, "vm");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "start-vm";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new StartVm(time, vm);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " start-vm vm=" + vm;
    }
  }

  /**
   * Stops a VM as an operator; the cluster must never restart it on its own.
   *
   * @param at when
   * @param vm the VM
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record StopVm(Duration at, VmId vm) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param vm the VM
     */
    public StopVm {
      check(at);
      Objects.requireNonNull(vm, "vm");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "stop-vm";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new StopVm(time, vm);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " stop-vm vm=" + vm;
    }
  }

  /**
   * Migrates a running VM to another node.
   *
   * @param at when
   * @param vm the VM
   * @param target chooses the destination among the other nodes
   * @param kind quick, live or cold
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Migrate(Duration at, VmId vm, HostSelector target, io.hvcluster.api.migration.MigrationKind kind)
      implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param vm the VM
     * @param target chooses the destination
     * @param kind quick, live or cold
     */
    public Migrate {
      check(at);
      Objects.requireNonNull(vm, "vm");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates the operation with a kind of the old list.
     *
     * @param at when, zero or positive
     * @param vm the VM
     * @param target chooses the destination
     * @param kind quick or live
     * @deprecated use the canonical constructor with {@link io.hvcluster.api.migration.MigrationKind}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public Migrate(Duration at, VmId vm, HostSelector target, MigrationKind kind) {
      this(at, vm, target, Objects.requireNonNull(kind, "kind").kind());
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "migrate";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new Migrate(time, vm, target, kind);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " migrate vm=" + vm + " to=" + target + " kind="
          + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Pauses a node for maintenance, or drains it (pauses and moves its groups away).
   *
   * @param at when
   * @param node chooses the node
   * @param drain true to drain, false to pause only
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record PauseNode(Duration at, HostSelector node, boolean drain) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param node chooses the node
     * @param drain true to drain, false to pause only
     */
    public PauseNode {
      check(at);
      Objects.requireNonNull(node, "node");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return drain ? "drain-node" : "pause-node";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new PauseNode(time, node, drain);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " " + name() + " node=" + node;
    }
  }

  /**
   * Resumes a paused node.
   *
   * @param at when
   * @param node chooses the node
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record ResumeNode(Duration at, HostSelector node) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param node chooses the node
     */
    public ResumeNode {
      check(at);
      Objects.requireNonNull(node, "node");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "resume-node";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new ResumeNode(time, node);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " resume-node node=" + node;
    }
  }

  /**
   * Moves a VM's group as an operator ({@code cluster group /moveto}): to the node the selector picks
   * (other than the group's owner), or, with {@code bestNode}, to the best possible node the placement
   * policy chooses.
   *
   * @param at when
   * @param vm a VM of the group (a group is named after its first VM)
   * @param target chooses the node; ignored with {@code bestNode}
   * @param bestNode true to let the placement policy choose
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record MoveGroup(Duration at, VmId vm, HostSelector target, boolean bestNode) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param vm a VM of the group
     * @param target chooses the node
     * @param bestNode true to let the placement policy choose
     */
    public MoveGroup {
      check(at);
      Objects.requireNonNull(vm, "vm");
      Objects.requireNonNull(target, "target");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "move-group";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new MoveGroup(time, vm, target, bestNode);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " move-group vm=" + vm + " to=" + (bestNode ? "best" : target.toString());
    }
  }

  /**
   * Starts the cluster service of the node the selector picks with forced quorum ({@code net start
   * clussvc /forcequorum}). Two forced partitions at once are a split brain, which the checkers report.
   *
   * @param at when
   * @param node chooses the node
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record ForceQuorum(Duration at, HostSelector node) implements Operation {
    /**
     * Creates the operation.
     *
     * @param at when, zero or positive
     * @param node chooses the node
     */
    public ForceQuorum {
      check(at);
      Objects.requireNonNull(node, "node");
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
      return "force-quorum";
    }

    /** {@inheritDoc} */
    @Override
    public Operation at(Duration time) {
      return new ForceQuorum(time, node);
    }

    /** {@inheritDoc} */
    @Override
    public String describe() {
      return "at " + DurationText.format(at) + " force-quorum node=" + node;
    }
  }
}
