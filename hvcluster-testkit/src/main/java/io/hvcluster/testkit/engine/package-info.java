/**
 * The testkit bound to the real engine: {@link io.hvcluster.testkit.engine.FaultInjection} applies a
 * fault plan to a running simulation, {@link io.hvcluster.testkit.engine.OperationInjection} an operator
 * workload; {@link io.hvcluster.testkit.engine.EngineRun} sets up a whole scenario with the invariant
 * checkers and {@link io.hvcluster.testkit.engine.ClusterRun} runs it to a
 * {@link io.hvcluster.testkit.engine.RunResult}; {@link io.hvcluster.testkit.engine.EngineScenarios}
 * feeds such runs to {@code @ClusterProperty} methods; {@link io.hvcluster.testkit.engine.Torture} runs
 * many generated scenarios in a row (the {@code hvcluster torture} command).
 */
package io.hvcluster.testkit.engine;
