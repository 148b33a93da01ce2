package io.hvcluster.api.spec;

/** Whether a group moves back to its preferred owner when that node returns, after WSFC's {@code AutoFailbackType}. */
public enum FailbackType {
  /** Stay where the group is (default). */
  PREVENT,
  /** Move back to the most preferred owner, immediately or inside a window of hours. */
  ALLOW
}
