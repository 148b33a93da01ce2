/**
 * The sealed hierarchy of {@link io.hvcluster.api.event.ClusterEvent} records that a simulation
 * delivers to its listeners, in order, each carrying its virtual time in nanoseconds.
 */
package io.hvcluster.api.event;
