/**
 * Cluster descriptions: the model behind the JSON files that {@code hvcluster validate}, {@code plan}
 * and {@code simulate --scenario} read (documented in {@code docs/cluster-description.md}).
 *
 * <p>A description is looser than the {@link io.hvcluster.api.spec} it converts to: it can describe a
 * cluster that is wrong (17 nodes, a Standard-edition host, a VM without a LUN) so that validation can
 * report it, and it carries what a spec does not: editions and architectures that cannot cluster, OS
 * levels, guest NIC ports and dedicated networks, VHD types, storage certification and mount points, the
 * cluster reserve, and measured workloads with planning assumptions. The conversion between the two
 * lives in one place: {@link io.hvcluster.core.management.description.ClusterDescription#toSpec()} and
 * {@link io.hvcluster.core.management.description.ClusterDescription#fromSpec}.
 *
 * <p>Entry point: {@link io.hvcluster.core.management.description.ClusterDescription}.
 */
package io.hvcluster.core.management.description;
