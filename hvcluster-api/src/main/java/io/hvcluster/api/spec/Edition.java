package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * The Windows Server 2008 x64 edition of a host; both support 16-node failover clusters with Hyper-V.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Edition {
  /** Windows Server 2008 Enterprise x64. */
  ENTERPRISE,
  /** Windows Server 2008 Datacenter x64. */
  DATACENTER
}
