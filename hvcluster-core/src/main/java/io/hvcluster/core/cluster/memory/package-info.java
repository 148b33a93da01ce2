/**
 * The memory adapter (internal): the guest memory and saved states of a cluster's VMs, as one abstract
 * {@link io.hvcluster.core.cluster.memory.VmMemory} with two implementations, modeled (page accounting
 * only, for fleet-scale runs) and real (sparse memory-mapped files and saved-state files on disk, through
 * {@code io.hvcluster.core.memory}). The cluster chooses one when it is built; nothing else asks which.
 */
package io.hvcluster.core.cluster.memory;
