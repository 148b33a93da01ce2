/**
 * A small property-testing engine: seeded generators that are plain functions of a random source
 * ({@link io.hvcluster.testkit.property.Gen}), integrated shrinking
 * ({@link io.hvcluster.testkit.property.Shrinkable}), and a runner with deterministic per-try seeds,
 * count-bounded greedy shrinking and one-line replays ({@link io.hvcluster.testkit.property.Property}).
 * It depends on nothing but the JDK and opentest4j, so the generators can be wrapped by any other
 * engine.
 */
package io.hvcluster.testkit.property;
