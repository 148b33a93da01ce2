package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * A kind of damage a storage fault does to a VM's committed saved-state files on its LUN.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum SavedStateDamage {
  /** A bit of a stored memory page flips (bit rot). */
  BIT_ROT,
  /** The second half of a stored page never reached the disk (a torn write). */
  TORN_WRITE,
  /** Writes the disk acknowledged but had not flushed are lost: the memory file is cut short. */
  LOST_UNFLUSHED_WRITES,
  /** The header file is cut short. */
  TRUNCATED_HEADER
}
