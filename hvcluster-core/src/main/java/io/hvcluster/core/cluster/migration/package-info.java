/**
 * The migration runtime (internal): the {@link io.hvcluster.api.migration.MigrationContext} a
 * {@link io.hvcluster.api.migration.MigrationStrategy} (from {@code io.hvcluster.core.migration}) drives,
 * with a check on every action it takes, its blackout bookkeeping and result, and the single end of each
 * migration, after which the VM and its group are settled where they may be.
 */
package io.hvcluster.core.cluster.migration;
