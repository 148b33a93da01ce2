package io.hvcluster.core.management.description;

import org.apiguardian.api.API;

/**
 * How a VM's virtual disk is stored. The seed's best practice is fixed-size VHDs: they do not grow,
 * fragment or run a LUN out of space behind the administrator's back.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum VhdType {
  /** A fixed-size VHD, allocated in full when created (recommended). */
  FIXED,
  /** A dynamically expanding VHD, which grows as the guest writes. */
  DYNAMIC,
  /** A differencing VHD on top of a parent disk. */
  DIFFERENCING,
  /** A pass-through disk: the guest uses the LUN directly, without a VHD. */
  PASS_THROUGH
}
