/**
 * Deliberate engine defects, for proving that invariant checkers catch real failover bugs. Exported only
 * to {@code io.hvcluster.testkit} and {@code io.hvcluster.cli}.
 */
package io.hvcluster.core.defect;
