/**
 * The public API of hvcluster: interfaces for the simulated failover cluster, value types for
 * its configuration, the sealed event hierarchy, and the service-provider interfaces
 * ({@link io.hvcluster.api.migration.MigrationStrategy}, {@link io.hvcluster.api.placement.PlacementPolicy})
 * that users implement. This module has no runtime dependencies.
 */
module io.hvcluster.api {
  requires static transitive org.apiguardian.api;
  exports io.hvcluster.api;
  exports io.hvcluster.api.spec;
  exports io.hvcluster.api.event;
  exports io.hvcluster.api.migration;
  exports io.hvcluster.api.placement;
}
