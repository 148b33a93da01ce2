package io.hvcluster.testkit.fault;

import org.apiguardian.api.API;

/**
 * Which part of a torn write persists.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum TornShape {
  /** The first part of the write persists; the rest keeps the old bytes. */
  PREFIX,
  /** The last part of the write persists; the start keeps the old bytes. */
  SUFFIX,
  /** Part of the write is replaced by garbage. */
  GARBAGE
}
