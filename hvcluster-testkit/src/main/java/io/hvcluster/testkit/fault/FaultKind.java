package io.hvcluster.testkit.fault;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The kinds of {@link Fault}, each with the name used in JSON and timelines, its category, and
 * whether it is instantaneous (has no duration).
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum FaultKind {
  /** See {@link HostCrash}. */
  HOST_CRASH("host-crash", FaultCategory.HOST, false, HostCrash.class),
  /** See {@link PowerLoss}. */
  POWER_LOSS("power-loss", FaultCategory.HOST, false, PowerLoss.class),
  /** See {@link HostHang}. */
  HOST_HANG("host-hang", FaultCategory.HOST, false, HostHang.class),
  /** See {@link ClusterServiceCrash}. */
  CLUSTER_SERVICE_CRASH("cluster-service-crash", FaultCategory.HOST, false, ClusterServiceCrash.class),
  /** See {@link VmCrash}. */
  VM_CRASH("vm-crash", FaultCategory.VM, true, VmCrash.class),
  /** See {@link VmStartFailure}. */
  VM_START_FAILURE("vm-start-failure", FaultCategory.VM, true, VmStartFailure.class),
  /** See {@link GuestHang}. */
  GUEST_HANG("guest-hang", FaultCategory.VM, false, GuestHang.class),
  /** See {@link Isolate}. */
  ISOLATE("isolate", FaultCategory.NETWORK, false, Isolate.class),
  /** See {@link Split}. */
  SPLIT("split", FaultCategory.NETWORK, false, Split.class),
  /** See {@link MajoritiesRing}. */
  MAJORITIES_RING("majorities-ring", FaultCategory.NETWORK, false, MajoritiesRing.class),
  /** See {@link Bridge}. */
  BRIDGE("bridge", FaultCategory.NETWORK, false, Bridge.class),
  /** See {@link OneWayLink}. */
  ONE_WAY_LINK("one-way-link", FaultCategory.NETWORK, false, OneWayLink.class),
  /** See {@link HeartbeatLoss}. */
  HEARTBEAT_LOSS("heartbeat-loss", FaultCategory.NETWORK, false, HeartbeatLoss.class),
  /** See {@link HeartbeatDelay}. */
  HEARTBEAT_DELAY("heartbeat-delay", FaultCategory.NETWORK, false, HeartbeatDelay.class),
  /** See {@link SwizzleClog}. */
  SWIZZLE_CLOG("swizzle-clog", FaultCategory.NETWORK, false, SwizzleClog.class),
  /** See {@link PathDown}. */
  PATH_DOWN("path-down", FaultCategory.STORAGE, false, PathDown.class),
  /** See {@link LunOffline}. */
  LUN_OFFLINE("lun-offline", FaultCategory.STORAGE, false, LunOffline.class),
  /** See {@link IoLatency}. */
  IO_LATENCY("io-latency", FaultCategory.STORAGE, false, IoLatency.class),
  /** See {@link IoStall}. */
  IO_STALL("io-stall", FaultCategory.STORAGE, false, IoStall.class),
  /** See {@link WriteError}. */
  WRITE_ERROR("write-error", FaultCategory.STORAGE, false, WriteError.class),
  /** See {@link NoSpace}. */
  NO_SPACE("no-space", FaultCategory.STORAGE, false, NoSpace.class),
  /** See {@link LoseUnflushedWrites}. */
  LOSE_UNFLUSHED_WRITES("lose-unflushed-writes", FaultCategory.STORAGE, true, LoseUnflushedWrites.class),
  /** See {@link TornWrite}. */
  TORN_WRITE("torn-write", FaultCategory.STORAGE, true, TornWrite.class),
  /** See {@link BitRot}. */
  BIT_ROT("bit-rot", FaultCategory.STORAGE, true, BitRot.class),
  /** See {@link ReservationPreempt}. */
  RESERVATION_PREEMPT("reservation-preempt", FaultCategory.STORAGE, true, ReservationPreempt.class),
  /** See {@link WitnessLoss}. */
  WITNESS_LOSS("witness-loss", FaultCategory.STORAGE, false, WitnessLoss.class),
  /** See {@link MigrationSourceCrash}. */
  MIGRATION_SOURCE_CRASH("migration-source-crash", FaultCategory.MIGRATION, false, MigrationSourceCrash.class),
  /** See {@link MigrationTargetCrash}. */
  MIGRATION_TARGET_CRASH("migration-target-crash", FaultCategory.MIGRATION, false, MigrationTargetCrash.class),
  /** See {@link LostMigrationAck}. */
  LOST_MIGRATION_ACK("lost-migration-ack", FaultCategory.MIGRATION, false, LostMigrationAck.class);

  private final String id;
  private final FaultCategory category;
  private final boolean instantaneous;
  private final Class<? extends Fault> type;

  FaultKind(String id, FaultCategory category, boolean instantaneous, Class<? extends Fault> type) {
    this.id = id;
    this.category = category;
    this.instantaneous = instantaneous;
    this.type = type;
  }

  /**
   * Returns the name used in JSON and timelines.
   *
   * @return for example {@code "host-crash"}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the family the kind belongs to.
   *
   * @return the category
   */
  public FaultCategory category() {
    return category;
  }

  /**
   * Returns whether faults of this kind happen at an instant and have no duration.
   *
   * @return true for instantaneous kinds
   */
  public boolean instantaneous() {
    return instantaneous;
  }

  /**
   * Returns the record class of this kind.
   *
   * @return the class
   */
  public Class<? extends Fault> type() {
    return type;
  }

  /**
   * Returns the kind of a fault.
   *
   * @param fault the fault
   * @return its kind
   */
  public static FaultKind of(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    for (FaultKind kind : values()) {
      if (kind.type == fault.getClass()) {
        return kind;
      }
    }
    throw new AssertionError("fault class without a kind: " + fault.getClass());
  }

  /**
   * Returns the kind with the given JSON name.
   *
   * @param id for example {@code "host-crash"}
   * @return the kind
   * @throws IllegalArgumentException when no kind has that name
   */
  public static FaultKind byId(String id) {
    for (FaultKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fault kind '" + id + "'; known kinds: "
        + Arrays.stream(values()).map(FaultKind::id).collect(Collectors.joining(", ")));
  }
}
