/**
 * Bandwidth (internal): shared capacities in virtual time. Each host's storage path, the array's back
 * end, each LUN's back end, each host's migration network and cluster network are channels; saves,
 * restores, cold-boot reads, live-migration passes and CSV redirected I/O are transfers across a path of
 * them, sharing each channel max-min fairly ({@link io.hvcluster.core.cluster.bandwidth.Bandwidth}); the
 * path each kind of transfer takes is {@link io.hvcluster.core.cluster.bandwidth.Paths}'s.
 */
package io.hvcluster.core.cluster.bandwidth;
