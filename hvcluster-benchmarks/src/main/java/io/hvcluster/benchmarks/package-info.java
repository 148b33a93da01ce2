/**
 * JMH benchmarks for the performance targets of DESIGN section 9. Each target is measured against
 * something it can be compared with in the same run (a baseline method in the same class, or a fixed
 * target for whole-run benchmarks), because absolute numbers on a shared machine mean little on their
 * own.
 *
 * <p>Run them from the shaded jar: {@code java -jar hvcluster-benchmarks/target/benchmarks.jar}, or name
 * one class, for example {@code ... benchmarks.jar TortureBenchmark}. The build compiles and packages
 * them but never runs them: benchmarks are not tests.
 *
 * <p>The benchmark classes are not {@code final}, unlike the rest of the code base: JMH's generated code
 * subclasses them, and its annotation processor rejects a final one ("Benchmark classes should not be
 * final").
 */
package io.hvcluster.benchmarks;
