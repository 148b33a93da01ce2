/**
 * Checking runs: the step-invariant and final-check interfaces the engine's checkers implement, a
 * monitor that runs them over a cluster's events, violation reports with classification, coverage
 * probes, and the determinism check.
 */
package io.hvcluster.testkit.check;
