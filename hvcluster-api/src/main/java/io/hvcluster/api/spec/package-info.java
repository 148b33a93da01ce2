/**
 * Immutable specifications of a cluster: {@link io.hvcluster.api.spec.ClusterSpec} with its hosts,
 * shared storage, LUNs and VMs, the quorum model, failover policies and the calibrated cost model.
 * Every spec validates itself in its constructor and throws
 * {@link io.hvcluster.api.InvalidConfigurationException} with a message that says what was wrong and
 * what is allowed.
 */
package io.hvcluster.api.spec;
