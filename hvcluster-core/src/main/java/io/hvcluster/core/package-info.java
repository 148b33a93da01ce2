/**
 * The entry point of the engine: {@link io.hvcluster.core.Simulation} creates clusters, drives virtual
 * time, injects faults and records the trace.
 */
package io.hvcluster.core;
