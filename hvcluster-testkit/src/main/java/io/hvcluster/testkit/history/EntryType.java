package io.hvcluster.testkit.history;

import org.apiguardian.api.API;

/**
 * The kinds of history entries, after Jepsen: an invocation and its completion.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum EntryType {
  /** An operation or fault began. */
  INVOKE,
  /** It definitely happened. */
  OK,
  /** It definitely did not happen. */
  FAIL,
  /**
   * Its outcome is unknown (for example a lost acknowledgement), or the entry records an event. A
   * client process that gets an indeterminate completion is retired.
   */
  INFO
}
