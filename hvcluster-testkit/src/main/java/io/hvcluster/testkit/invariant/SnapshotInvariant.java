package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.Optional;

/**
 * A state invariant that reads the cluster through a {@link Snapshot}: once it has held, it is evaluated
 * again only after an event that can change what the snapshot holds ({@link Snapshot#version()}).
 */
abstract class SnapshotInvariant implements StepInvariant {
  final Snapshot snapshot;
  private long checked = -1;

  SnapshotInvariant(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public final Optional<String> check(Cluster cluster, ClusterEvent event) {
    long version = snapshot.version();
    if (version == checked) {
      return Optional.empty(); // nothing this invariant reads has changed since it last held
    }
    Optional<String> verdict = evaluate(cluster);
    if (verdict.isEmpty()) {
      checked = version;
    }
    return verdict;
  }

  /** Evaluates the invariant on the cluster as the snapshot holds it now; returns the violation, if any. */
  abstract Optional<String> evaluate(Cluster cluster);
}
