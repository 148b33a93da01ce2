/**
 * Faults as data: the sealed {@link io.hvcluster.testkit.fault.Fault} vocabulary with target
 * selectors ({@link io.hvcluster.testkit.fault.HostSelector},
 * {@link io.hvcluster.testkit.fault.LunSelector}, {@link io.hvcluster.testkit.fault.VmSelector}),
 * immutable {@link io.hvcluster.testkit.fault.FaultPlan}s with a heal phase, JSON and timeline
 * forms, plan shrinking, partition shapes as links to cut ({@link io.hvcluster.testkit.fault.Partitions}),
 * and {@link io.hvcluster.testkit.fault.FaultBudget}s that tell in-model plans from out-of-model ones.
 */
package io.hvcluster.testkit.fault;
