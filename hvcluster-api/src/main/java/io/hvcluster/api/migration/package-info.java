/**
 * The migration SPI: a {@link io.hvcluster.api.migration.MigrationStrategy} moves a running VM between
 * nodes through a {@link io.hvcluster.api.migration.MigrationContext}, which lets it read the source,
 * target, memory and storage, act on the VM and its LUNs through the cluster's state machines, and
 * schedule its phases in virtual time. It reports a {@link io.hvcluster.api.migration.MigrationResult}.
 * Quick Migration, Live Migration and users' own strategies are all written against this package.
 */
package io.hvcluster.api.migration;
