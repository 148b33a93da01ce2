package io.hvcluster.testkit.engine;

import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.LostMigrationAck;
import io.hvcluster.testkit.fault.MigrationSourceCrash;
import io.hvcluster.testkit.fault.MigrationStage;
import io.hvcluster.testkit.fault.MigrationTargetCrash;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies migration faults: arms a crash of the source or target node for when a selected VM's next
 * migration enters a stage, and loses migration acknowledgements.
 */
final class MigrationFaults {
  private MigrationFaults() {}

  /** Applies the fault if it is a migration fault; returns null otherwise. */
  static Applied apply(Fault f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    if (f instanceof MigrationSourceCrash || f instanceof MigrationTargetCrash) {
      boolean source = f instanceof MigrationSourceCrash;
      List<VmId> vms = source ? ((MigrationSourceCrash) f).vms().resolve(p.cluster(), r)
          : ((MigrationTargetCrash) f).vms().resolve(p.cluster(), r);
      MigrationStage stage = source ? ((MigrationSourceCrash) f).stage() : ((MigrationTargetCrash) f).stage();
      Triggers.Crash trigger = n.triggers().armCrash(f, vms, stage, source);
      String node = source ? "source" : "target";
      return new Applied("armed: crashes the " + node + " when the next migration of " + Nemesis.names(vms)
          + " enters phase " + MigrationStages.phases(stage), healPhase -> {
            if (trigger.fired()) {
              return "fired earlier; the crashed " + node + " stays down until the heal phase";
            }
            n.triggers().disarm(trigger);
            return "disarmed without firing";
          });
    }
    if (f instanceof LostMigrationAck) {
      List<VmId> vms = ((LostMigrationAck) f).vms().resolve(p.cluster(), r);
      vms.forEach(vm -> p.faults().loseMigrationAcknowledgement(vm));
      return new Applied("the switchover acknowledgement of the current or next migration of " + Nemesis.names(vms)
          + " will be lost", healPhase -> "nothing to undo: the engine drops the flag when that migration ends");
    }
    return null;
  }
}
