package io.hvcluster.api.spec;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The calibrated model that turns real work into virtual time: storage, array, migration-link and
 * cluster-network bandwidth, LUN handover, arbitration, the pause, device-state save and restore set-up
 * of a saved VM, and boot-time jitter. Hyper-V 2008 writes and reads a VM's whole memory when it saves
 * and restores it; with the defaults a quick migration over a 1 Gbit/s iSCSI path takes about 15 s for
 * a 512 MiB VM, 42 s for 2 GiB and 2½ minutes for 8 GiB, inside the 15 seconds to a few minutes Dell
 * reports.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param storageWriteBytesPerSecond sustained write bandwidth from one host to a LUN
 * @param storageReadBytesPerSecond sustained read bandwidth from a LUN to one host
 * @param lunHandover time to release a LUN on one node and bring it online on another (dismount,
 *     reservation, mount)
 * @param arbitration time a challenger waits during SCSI-3 reservation arbitration before it preempts
 * @param restoreSetup fixed time to create the VM's worker process and map its saved state
 * @param migrationLinkBytesPerSecond usable bandwidth of the live-migration network
 * @param migrationLinkLatency one-way latency of the live-migration network
 * @param bootJitter the boot time varies uniformly by up to this fraction either way (0 to 0.5)
 * @param arrayBytesPerSecond what the storage array's back end serves to all hosts together; the hosts'
 *     saves, restores and boots share it
 * @param clusterNetworkBytesPerSecond usable bandwidth of each node's cluster network, which carries a
 *     Cluster Shared Volume's redirected I/O to its coordinator
 * @param vmPause time to pause a VM's virtual processors before a save
 * @param deviceStateSave time to save a paused VM's device and processor state (the {@code .vsv}), on
 *     top of writing its memory
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CostModel(
    long storageWriteBytesPerSecond,
    long storageReadBytesPerSecond,
    Duration lunHandover,
    Duration arbitration,
    Duration restoreSetup,
    long migrationLinkBytesPerSecond,
    Duration migrationLinkLatency,
    double bootJitter,
    long arrayBytesPerSecond,
    long clusterNetworkBytesPerSecond,
    Duration vmPause,
    Duration deviceStateSave) {

  /** The share of a link's line rate that bulk transfers achieve (Hyper-V reached 96 % on 1 GbE). */
  public static final double LINE_RATE_EFFICIENCY = 0.95;

  /**
   * How many host paths' worth of bandwidth the array's back end serves by default: a Dell EqualLogic
   * PS5000 (the era's typical iSCSI array for Hyper-V clusters) has three 1 GbE ports per controller.
   */
  public static final int ARRAY_PATHS = 3;

  /**
   * Creates a cost model after validating it.
   *
   * @param storageWriteBytesPerSecond sustained write bandwidth from one host to a LUN
   * @param storageReadBytesPerSecond sustained read bandwidth from a LUN to one host
   * @param lunHandover time to release a LUN on one node and bring it online on another (dismount, reservation, mount)
   * @param arbitration time a challenger waits during SCSI-3 reservation arbitration before it preempts
   * @param restoreSetup fixed time to create the VM's worker process and map its saved state
   * @param migrationLinkBytesPerSecond usable bandwidth of the live-migration network
   * @param migrationLinkLatency one-way latency of the live-migration network
   * @param bootJitter the boot time varies uniformly by up to this fraction either way (0 to 0.5)
   * @param arrayBytesPerSecond what the array's back end serves to all hosts together
   * @param clusterNetworkBytesPerSecond usable bandwidth of each node's cluster network (CSV redirected I/O)
   * @param vmPause time to pause a VM's virtual processors before a save
   * @param deviceStateSave time to save a paused VM's device and processor state, on top of its memory
   * @throws io.hvcluster.api.InvalidConfigurationException when a value is missing, not positive, or
   * the jitter is outside 0 to 0.5
   */
  public CostModel {
    Checks.positive("storage write bandwidth", storageWriteBytesPerSecond);
    Checks.positive("storage read bandwidth", storageReadBytesPerSecond);
    Checks.positive("LUN handover time", lunHandover);
    Checks.positive("arbitration time", arbitration);
    Checks.positive("restore set-up time", restoreSetup);
    Checks.positive("migration link bandwidth", migrationLinkBytesPerSecond);
    Checks.notNull("migration link latency", migrationLinkLatency);
    if (migrationLinkLatency.isNegative()) {
      throw new io.hvcluster.api.InvalidConfigurationException("migration link latency is " + migrationLinkLatency
          + "; it must be zero or positive");
    }
    Checks.range("boot jitter", bootJitter, 0.0, 0.5);
    Checks.positive("array bandwidth", arrayBytesPerSecond);
    Checks.positive("cluster network bandwidth", clusterNetworkBytesPerSecond);
    Checks.positive("VM pause time", vmPause);
    Checks.positive("device-state save time", deviceStateSave);
  }

  /**
   * Creates a cost model as before shared bandwidth: the array serves {@link #ARRAY_PATHS} times the
   * larger of the storage rates, the cluster network is 1 Gbit/s, a pause takes 500 ms and a device-state
   * save 1 s.
   *
   * @param storageWriteBytesPerSecond sustained write bandwidth from one host to a LUN
   * @param storageReadBytesPerSecond sustained read bandwidth from a LUN to one host
   * @param lunHandover time to release a LUN on one node and bring it online on another
   * @param arbitration time a challenger waits during SCSI-3 reservation arbitration before it preempts
   * @param restoreSetup fixed time to create the VM's worker process and map its saved state
   * @param migrationLinkBytesPerSecond usable bandwidth of the live-migration network
   * @param migrationLinkLatency one-way latency of the live-migration network
   * @param bootJitter the boot time varies uniformly by up to this fraction either way (0 to 0.5)
   * @throws io.hvcluster.api.InvalidConfigurationException when a value is missing or out of range
   */
  public CostModel(long storageWriteBytesPerSecond, long storageReadBytesPerSecond, Duration lunHandover,
      Duration arbitration, Duration restoreSetup, long migrationLinkBytesPerSecond, Duration migrationLinkLatency,
      double bootJitter) {
    this(storageWriteBytesPerSecond, storageReadBytesPerSecond, lunHandover, arbitration, restoreSetup,
        migrationLinkBytesPerSecond, migrationLinkLatency, bootJitter,
        ARRAY_PATHS * Math.max(storageWriteBytesPerSecond, storageReadBytesPerSecond), gigabitLink(1.0),
        Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  /**
   * Returns the default model for a kind of storage: bandwidth at 95 % of one path's line rate, a 3 s
   * LUN handover, 2 s arbitration, 1.5 s restore set-up, a 500 ms pause and a 1 s device-state save
   * (with the memory written and read in full, a fully used 512 MiB VM quick-migrates over 1 Gbit/s
   * iSCSI in about 15 s, Dell's floor), a 1 Gbit/s live-migration network with
   * 0.2 ms latency, 10 % boot jitter, an array serving {@link #ARRAY_PATHS} paths' worth, and a
   * 1 Gbit/s cluster network.
   *
   * @param type the storage kind
   * @return the model
   */
  public static CostModel forStorage(StorageType type) {
    long bytesPerSecond = (long) (type.lineRateBitsPerSecond() / 8 * LINE_RATE_EFFICIENCY);
    return new CostModel(bytesPerSecond, bytesPerSecond, Duration.ofSeconds(3), Duration.ofSeconds(2),
        Duration.ofMillis(1500), gigabitLink(1.0), Duration.ofNanos(200_000), 0.10);
  }

  /**
   * Returns the usable bandwidth of an Ethernet link of the given speed at 95 % of line rate.
   *
   * @param gbps the line rate in Gbit/s
   * @return bytes per second
   */
  public static long gigabitLink(double gbps) {
    return (long) (gbps * 1e9 / 8 * LINE_RATE_EFFICIENCY);
  }

  /**
   * Returns the fixed costs of a Quick Migration, the time it takes besides moving the VM's memory: the
   * pause, the device-state save, the LUN handover (for a VM on ordinary LUNs) and the restore set-up.
   *
   * @param handOver whether a LUN changes hands (not for a VM only on Cluster Shared Volumes)
   * @return the fixed time
   */
  public Duration quickMigrationFixed(boolean handOver) {
    Duration fixed = vmPause.plus(deviceStateSave).plus(restoreSetup);
    return handOver ? fixed.plus(lunHandover) : fixed;
  }

  /**
   * Returns the virtual time to write {@code bytes} to storage.
   *
   * @param bytes bytes written
   * @return the duration, rounded up to whole nanoseconds
   */
  public Duration storageWrite(long bytes) {
    return transfer(bytes, storageWriteBytesPerSecond);
  }

  /**
   * Returns the virtual time to read {@code bytes} from storage.
   *
   * @param bytes bytes read
   * @return the duration, rounded up to whole nanoseconds
   */
  public Duration storageRead(long bytes) {
    return transfer(bytes, storageReadBytesPerSecond);
  }

  /**
   * Returns the virtual time to send {@code bytes} over the live-migration link, latency excluded.
   *
   * @param bytes bytes sent
   * @return the duration, rounded up to whole nanoseconds
   */
  public Duration linkTransfer(long bytes) {
    return transfer(bytes, migrationLinkBytesPerSecond);
  }

  /**
   * Returns a copy with another live-migration link bandwidth.
   *
   * @param bytesPerSecond usable bandwidth
   * @return the new model
   */
  public CostModel withMigrationLink(long bytesPerSecond) {
    return new CostModel(storageWriteBytesPerSecond, storageReadBytesPerSecond, lunHandover, arbitration,
        restoreSetup, bytesPerSecond, migrationLinkLatency, bootJitter, arrayBytesPerSecond,
        clusterNetworkBytesPerSecond, vmPause, deviceStateSave);
  }

  /**
   * Returns a copy with another array bandwidth.
   *
   * @param bytesPerSecond what the array's back end serves to all hosts together
   * @return the new model
   */
  public CostModel withArray(long bytesPerSecond) {
    return new CostModel(storageWriteBytesPerSecond, storageReadBytesPerSecond, lunHandover, arbitration,
        restoreSetup, migrationLinkBytesPerSecond, migrationLinkLatency, bootJitter, bytesPerSecond,
        clusterNetworkBytesPerSecond, vmPause, deviceStateSave);
  }

  /**
   * Returns a copy with another boot jitter.
   *
   * @param jitter fraction, 0 to 0.5
   * @return the new model
   */
  public CostModel withBootJitter(double jitter) {
    return new CostModel(storageWriteBytesPerSecond, storageReadBytesPerSecond, lunHandover, arbitration,
        restoreSetup, migrationLinkBytesPerSecond, migrationLinkLatency, jitter, arrayBytesPerSecond,
        clusterNetworkBytesPerSecond, vmPause, deviceStateSave);
  }

  private static Duration transfer(long bytes, long bytesPerSecond) {
    if (bytes <= 0) {
      return Duration.ZERO;
    }
    // ceil(bytes * 1e9 / rate): a naive multiply overflows past 9.2 GB, so take whole seconds first and
    // scale only the remainder, which is smaller than the rate.
    long seconds = bytes / bytesPerSecond;
    long rest = bytes % bytesPerSecond;
    long nanos = (rest * 1_000_000_000L + bytesPerSecond - 1) / bytesPerSecond;
    return Duration.ofSeconds(seconds).plusNanos(nanos);
  }
}
