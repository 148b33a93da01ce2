/**
 * The management layer, after System Center Virtual Machine Manager 2008, cut by feature:
 *
 * <ul>
 *   <li>{@link io.hvcluster.core.management.description}: cluster descriptions (the model of the JSON
 *       file format), their domain checks, and their one conversion to and from
 *       {@link io.hvcluster.api.spec.ClusterSpec};
 *   <li>{@link io.hvcluster.core.management.validation}: Validate a Configuration, as PASS / WARN / FAIL items;
 *   <li>{@link io.hvcluster.core.management.capacity}: the cluster reserve and capacity planning;
 *   <li>{@link io.hvcluster.core.management.vmm}: intelligent placement and the manager of several
 *       clusters with templates and PRO-style rebalancing.
 * </ul>
 *
 * <p>Dependencies run one way: description ← validation ← vmm, description ← capacity ← validation,
 * capacity ← vmm; every feature may use this package, which holds only what they share (units and
 * formatting, the seed's rules of thumb, the names of created VMs and LUNs). This package is not
 * exported; the feature packages are. The management layer reads clusters through the public
 * {@link io.hvcluster.api.Cluster} views only, never the engine's internals.
 */
package io.hvcluster.core.management;
