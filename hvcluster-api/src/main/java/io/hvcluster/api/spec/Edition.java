package io.hvcluster.api.spec;

/** The Windows Server 2008 x64 edition of a host; both support 16-node failover clusters with Hyper-V. */
public enum Edition {
  /** Windows Server 2008 Enterprise x64. */
  ENTERPRISE,
  /** Windows Server 2008 Datacenter x64. */
  DATACENTER
}
