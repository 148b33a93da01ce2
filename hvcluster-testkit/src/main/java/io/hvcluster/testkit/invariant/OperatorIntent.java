package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S8: admin intent wins: a VM an operator stopped is never started or restored by the cluster until an
 * operator starts it again. A migration that was under way when the operator stopped the VM may still
 * restore it on its target (the VM is stopped when the migration ends); that is not a start.
 */
final class OperatorIntent implements StepInvariant {
  private final RunFacts facts;
  private final List<VmStateChanged> starts = new ArrayList<>();

  OperatorIntent(RunFacts facts) {
    this.facts = facts;
  }

  @Override
  public String id() {
    return "S8";
  }

  @Override
  public void observe(ClusterEvent event) {
    if (event instanceof VmStateChanged) {
      VmStateChanged v = (VmStateChanged) event;
      // A restore by a migration open at this very event is not a start, even when the migration ends
      // (failed) later in the same step, before the check runs.
      if ((v.to() == VmState.STARTING || v.to() == VmState.RESTORING) && facts.openMigration(v.vm()) == null) {
        starts.add(v);
      }
    }
  }

  @Override
  public Optional<String> check(Cluster cluster, ClusterEvent event) {
    if (starts.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (VmStateChanged v : starts) {
        VmId vm = v.vm();
        if (cluster.vm(vm).isOperatorStopped()) {
          return Optional.of(vm + " was stopped by an operator but the cluster moved it to " + v.to()
              + v.host().map(h -> " on " + h).orElse("") + " (" + v.reason() + ")");
        }
      }
      return Optional.empty();
    } finally {
      starts.clear();
    }
  }
}
