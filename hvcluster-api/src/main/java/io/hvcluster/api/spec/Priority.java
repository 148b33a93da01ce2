package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * The start priority of a group: higher priorities are placed and started first after a failure.
 *
 * <p>A Windows Server 2012 property ({@code Priority} of a cluster group, with No Auto Start): a cluster of
 * era {@link Era#WS2008} or {@link Era#WS2008_R2} refuses any priority but {@link #MEDIUM}, the value every
 * group has there.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Priority {
  /** Never started automatically by the cluster. */
  NO_AUTO_START(0),
  /** Low priority. */
  LOW(1000),
  /** Medium priority (default). */
  MEDIUM(2000),
  /** High priority. */
  HIGH(3000);

  private final int value;

  Priority(int value) {
    this.value = value;
  }

  /**
   * Returns WSFC's numeric value for this priority.
   *
   * @return 0, 1000, 2000 or 3000
   */
  public int value() {
    return value;
  }
}
