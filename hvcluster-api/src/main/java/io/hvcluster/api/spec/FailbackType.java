package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * Whether a group moves back to its preferred owner when that node returns, after WSFC's {@code AutoFailbackType}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum FailbackType {
  /** Stay where the group is (default). */
  PREVENT,
  /** Move back to the most preferred owner, immediately or inside a window of hours. */
  ALLOW
}
