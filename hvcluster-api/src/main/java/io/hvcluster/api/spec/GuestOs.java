package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * A guest operating system supported by Hyper-V (2008), with the nominal cold-boot time that the boot
 * model starts from and whether it can run the Microsoft cluster service (guest clustering).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum GuestOs {
  /** Windows Server 2008, full installation. */
  WINDOWS_SERVER_2008(75, true),
  /** Windows Server 2008, Server Core installation: boots faster, smaller footprint. */
  WINDOWS_SERVER_2008_CORE(40, true),
  /** Windows Server 2003 SP2. */
  WINDOWS_SERVER_2003(60, true),
  /** Windows 2000 Server SP4. */
  WINDOWS_2000_SERVER(50, true),
  /** Windows Vista SP1. */
  WINDOWS_VISTA(80, false),
  /** Windows XP SP2 or SP3. */
  WINDOWS_XP(55, false),
  /** SUSE Linux Enterprise Server 10. */
  SUSE_LINUX_ENTERPRISE_10(45, false),
  /** Any other guest; boots in a minute. */
  OTHER(60, false);

  private final int nominalBootSeconds;
  private final boolean clusterCapable;

  GuestOs(int nominalBootSeconds, boolean clusterCapable) {
    this.nominalBootSeconds = nominalBootSeconds;
    this.clusterCapable = clusterCapable;
  }

  /**
   * Returns the nominal cold-boot time from power-on to a running guest.
   *
   * @return seconds
   */
  public int nominalBootSeconds() {
    return nominalBootSeconds;
  }

  /**
   * Returns whether this guest can be a node of a guest cluster (Windows 2000 Server, 2003, 2008).
   *
   * @return true when the Microsoft cluster service runs on it
   */
  public boolean clusterCapable() {
    return clusterCapable;
  }
}
