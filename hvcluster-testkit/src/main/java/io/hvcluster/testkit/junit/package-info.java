/**
 * The JUnit 5 face of the testkit: {@link io.hvcluster.testkit.junit.ClusterProperty} runs a test
 * method over generated scenarios with shrinking and seed replay;
 * {@link io.hvcluster.testkit.junit.ScenarioSource} and {@link io.hvcluster.testkit.junit.Trial} are the
 * extension points through which the engine supplies simulations and invariant checks;
 * {@link io.hvcluster.testkit.junit.RequireProbes} makes a suite demand its coverage probes.
 */
package io.hvcluster.testkit.junit;
