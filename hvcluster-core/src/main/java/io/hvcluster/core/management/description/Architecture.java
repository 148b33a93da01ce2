package io.hvcluster.core.management.description;

import org.apiguardian.api.API;

/**
 * The processor architecture of a host's operating system. Hyper-V runs only on x64.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Architecture {
  /** 32-bit x86: no Hyper-V. */
  X86,
  /** x64: the only architecture with Hyper-V. */
  X64,
  /** Itanium: failover clustering, but no Hyper-V. */
  IA64
}
