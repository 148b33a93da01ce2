package io.hvcluster.api.spec;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The Windows Server release a cluster models, with the System Center Virtual Machine Manager that
 * managed it. The era decides defaults (the cluster-reserve method) and refuses features that came with
 * a later release, naming the release that brought them: Live Migration and Cluster Shared Volumes came
 * with Windows Server 2008 R2, a group's {@code Priority} with Windows Server 2012.
 *
 * <p>{@link #WS2012} is here only for the later features hvcluster models (group priority and VMM 2012's
 * cluster-reserve calculation); the rest of the model stays that of 2008 R2 (heartbeat defaults, no
 * dynamic quorum, drain by Quick Migration). It is the default of a spec that names no era, because it
 * allows everything hvcluster did before eras existed; name {@link #WS2008} or {@link #WS2008_R2} for a
 * cluster faithful to that release.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Era {
  /** Windows Server 2008 (RTM, SP2) with SCVMM 2008: Quick Migration only, one LUN per VM. */
  WS2008("Windows Server 2008", "SCVMM 2008", ReserveMethod.SLOTS),
  /** Windows Server 2008 R2 with SCVMM 2008 R2: adds Live Migration and Cluster Shared Volumes. */
  WS2008_R2("Windows Server 2008 R2", "SCVMM 2008 R2", ReserveMethod.SLOTS),
  /**
   * Windows Server 2012 with VMM 2012, only for the later features hvcluster models: group
   * {@code Priority} and the cluster reserve computed by placing the VMs (bin-packing).
   */
  WS2012("Windows Server 2012", "VMM 2012", ReserveMethod.BIN_PACKING);

  /** The era of a spec or description that names none: every feature allowed, as before eras existed. */
  public static final Era DEFAULT = WS2012;

  private final String windows;
  private final String vmm;
  private final ReserveMethod reserveMethod;

  Era(String windows, String vmm, ReserveMethod reserveMethod) {
    this.windows = windows;
    this.vmm = vmm;
    this.reserveMethod = reserveMethod;
  }

  /**
   * Returns the Windows release, for example {@code "Windows Server 2008 R2"}.
   *
   * @return the release's name
   */
  public String windows() {
    return windows;
  }

  /**
   * Returns the Virtual Machine Manager of the era, for example {@code "SCVMM 2008"}.
   *
   * @return the VMM release's name
   */
  public String vmm() {
    return vmm;
  }

  /**
   * Returns how this era's VMM decides whether a cluster is over-committed.
   *
   * @return the default cluster-reserve method
   */
  public ReserveMethod reserveMethod() {
    return reserveMethod;
  }

  /**
   * Returns whether this era has what {@code release} brought.
   *
   * @param release the era a feature came with
   * @return true when this era is {@code release} or later
   */
  public boolean has(Era release) {
    return compareTo(release) >= 0;
  }

  /**
   * Returns the era with the given name, ignoring case, {@code -} and spaces, for example {@code "ws2008-r2"}.
   *
   * @param text the name
   * @return the era
   * @throws IllegalArgumentException naming the allowed eras when there is none by that name
   */
  public static Era parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Era e : values()) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown era '" + text + "'; allowed: WS2008, WS2008_R2, WS2012");
  }

  /**
   * Refuses a feature this era does not have.
   *
   * @param feature what the configuration asks for, for example {@code "LUN 'csv1' is a Cluster Shared Volume"}
   * @param release the era that brought it
   * @throws io.hvcluster.api.InvalidConfigurationException when this era is before {@code release}
   */
  public void require(String feature, Era release) {
    if (!has(release)) {
      throw new io.hvcluster.api.InvalidConfigurationException(refusal(feature, release));
    }
  }

  /**
   * Returns the message that refuses a feature from a later release.
   *
   * @param feature what the configuration asks for
   * @param release the era that brought it
   * @return for example "LUN 'csv1' is a Cluster Shared Volume, which came with Windows Server 2008 R2; this cluster's era is WS2008"
   */
  public String refusal(String feature, Era release) {
    return feature + ", which came with " + release.windows() + "; this cluster's era is " + name() + " ("
        + windows + "); set the era to " + release.name() + " or later, or leave the feature out";
  }
}
