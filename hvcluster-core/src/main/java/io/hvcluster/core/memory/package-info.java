/**
 * Guest memory and saved states: real memory on sparse memory-mapped files and modeled memory with
 * page accounting only ({@link io.hvcluster.core.memory.GuestMemories}); a guest workload whose page
 * contents can be verified without a copy ({@link io.hvcluster.core.memory.GuestWorkload}); saved-state
 * files with a crash-safe commit protocol, eager and lazy restore, and strict validation
 * ({@link io.hvcluster.core.memory.SavedStateStore}, laid out by
 * {@link io.hvcluster.core.memory.SavedStateDescriptor}).
 */
package io.hvcluster.core.memory;
