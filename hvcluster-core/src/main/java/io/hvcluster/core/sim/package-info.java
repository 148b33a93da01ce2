/**
 * The simulation kernel (internal): the single-threaded event loop ordered by virtual time, priority
 * class and sequence; named random streams split from one seed; thread confinement; the trace encoder.
 */
package io.hvcluster.core.sim;
