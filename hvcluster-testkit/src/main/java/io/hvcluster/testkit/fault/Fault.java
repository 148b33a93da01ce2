package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A fault as data: what to break, which targets (by selector), when to start (virtual time from the
 * start of the plan) and, optionally, how long until it heals. Faults do nothing by themselves; an
 * engine binding applies and heals them, resolving selectors against the live cluster at that moment.
 * The vocabulary follows Jepsen's nemeses, FoundationDB's simulator and the failure modes of a Windows
 * Server 2008 Hyper-V cluster; {@link FaultKind} lists every kind with its JSON name.
 *
 * <p>Every implementation is an immutable, thread-safe record. Example:
 *
 * <pre>{@code
 * Fault crash = new HostCrash(HostSelector.one(), Timing.atSeconds(5).lasting(Duration.ofSeconds(30)));
 * Fault split = new Split(HostSelector.minority(), Timing.atSeconds(10));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface Fault permits
    HostCrash,
    PowerLoss,
    HostHang,
    ClusterServiceCrash,
    VmCrash,
    VmStartFailure,
    GuestHang,
    Isolate,
    Split,
    MajoritiesRing,
    Bridge,
    OneWayLink,
    HeartbeatLoss,
    HeartbeatDelay,
    SwizzleClog,
    PathDown,
    LunOffline,
    IoLatency,
    IoStall,
    WriteError,
    NoSpace,
    LoseUnflushedWrites,
    TornWrite,
    BitRot,
    ReservationPreempt,
    WitnessLoss,
    MigrationSourceCrash,
    MigrationTargetCrash,
    LostMigrationAck {
  /**
   * Returns when the fault starts and how long it lasts.
   *
   * @return the timing
   */
  Timing timing();

  /**
   * Returns when the fault starts, from the start of the plan.
   *
   * @return the start
   */
  default Duration at() {
    return timing().at();
  }

  /**
   * Returns how long the fault lasts before it heals on its own.
   *
   * @return the duration, empty when it lasts until the heal phase or is instantaneous
   */
  default Optional<Duration> duration() {
    return timing().duration();
  }

  /**
   * Returns the kind of the fault.
   *
   * @return the kind
   */
  default FaultKind kind() {
    return FaultKind.of(this);
  }

  /**
   * Returns a copy of this fault with another timing.
   *
   * @param timing the new timing
   * @return the copy
   * @throws IllegalArgumentException when the kind is instantaneous and the timing has a duration
   */
  default Fault withTiming(Timing timing) {
    return Faults.withTiming(this, timing);
  }

  /**
   * Returns the fault's kind and targets in one line, without its timing, for example
   * {@code "host-crash hosts=explicit(node2)"}.
   *
   * @return the description
   */
  default String describe() {
    return Faults.describe(this);
  }
}
