/**
 * Workloads as data: administrator {@link io.hvcluster.testkit.workload.Operation}s over virtual time,
 * and generators for them and for guest memory workloads ({@link io.hvcluster.testkit.workload.Workloads}).
 */
package io.hvcluster.testkit.workload;
