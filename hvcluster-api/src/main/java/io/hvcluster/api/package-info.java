/**
 * Interfaces of the simulated cluster ({@link io.hvcluster.api.Cluster}, {@link io.hvcluster.api.Host},
 * {@link io.hvcluster.api.SharedStorage}, {@link io.hvcluster.api.Lun},
 * {@link io.hvcluster.api.VirtualMachine}, {@link io.hvcluster.api.GuestMemory}), identifiers, state
 * enums with their transition tables, and the exceptions thrown by the library.
 *
 * <p>Everything here is read through a simulation that is confined to one thread; see each type for
 * its thread-safety statement.
 */
package io.hvcluster.api;
