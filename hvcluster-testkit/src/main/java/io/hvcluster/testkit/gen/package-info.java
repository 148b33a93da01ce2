/**
 * Generators for the inputs of cluster properties, each a plain function of a seeded random source:
 * cluster topologies ({@link io.hvcluster.testkit.gen.Topologies}), VM sets
 * ({@link io.hvcluster.testkit.gen.VmSets}) and budget-aware fault plans with swarm mode
 * ({@link io.hvcluster.testkit.gen.FaultPlans}).
 */
package io.hvcluster.testkit.gen;
