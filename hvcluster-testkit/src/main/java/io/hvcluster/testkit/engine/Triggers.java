package io.hvcluster.testkit.engine;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.MigrationStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Faults that wait for something to happen: a crash armed for a migration phase, a torn write armed for
 * the next saved-state commit, and a cluster service kept down while its fault lasts. Listeners must not
 * change the cluster, so each trigger only schedules its action right after the current event.
 */
final class Triggers implements ClusterListener {
  private final Nemesis nemesis;
  private final List<Crash> crashes = new ArrayList<>();
  private final Map<LunId, SavedStateDamage> tornWrites = new TreeMap<>();
  private final Map<VmId, MigrationStarted> migrations = new TreeMap<>();

  Triggers(Nemesis nemesis) {
    this.nemesis = nemesis;
  }

  /** A crash armed for a migration stage; it fires at most once. */
  static final class Crash {
    private final Fault fault;
    private final Set<VmId> vms;
    private final MigrationStage stage;
    private final boolean source;
    private boolean fired;

    Crash(Fault fault, List<VmId> vms, MigrationStage stage, boolean source) {
      this.fault = fault;
      this.vms = Set.copyOf(vms);
      this.stage = stage;
      this.source = source;
    }

    boolean fired() {
      return fired;
    }
  }

  Crash armCrash(Fault fault, List<VmId> vms, MigrationStage stage, boolean source) {
    Crash c = new Crash(fault, vms, stage, source);
    crashes.add(c);
    return c;
  }

  void disarm(Crash crash) {
    crashes.remove(crash);
  }

  void armTornWrite(LunId lun, SavedStateDamage damage) {
    tornWrites.put(lun, damage);
  }

  /** Forgets every armed trigger (the heal phase). */
  void disarmAll() {
    crashes.clear();
    tornWrites.clear();
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (event instanceof MigrationStarted) {
      MigrationStarted m = (MigrationStarted) event;
      migrations.put(m.vm(), m);
    } else if (event instanceof MigrationFinished) {
      migrations.remove(((MigrationFinished) event).result().vm());
    } else if (event instanceof MigrationPhaseStarted) {
      phase((MigrationPhaseStarted) event);
    } else if (event instanceof VmStateChanged) {
      VmStateChanged v = (VmStateChanged) event;
      if (v.from() == VmState.SAVING && v.to() == VmState.SAVED && !tornWrites.isEmpty()) {
        committed(v.vm());
      }
    } else if (event instanceof NodeStateChanged) {
      NodeStateChanged s = (NodeStateChanged) event;
      HostId host = s.host();
      if (s.to() == NodeState.JOINING && nemesis.primitives().serviceHeld(host)) {
        nemesis.at(event.timeNanos(), () -> {
          if (nemesis.primitives().serviceHeld(host)) {
            nemesis.primitives().faults().crashClusterService(host);
          }
        });
      }
    }
  }

  private void phase(MigrationPhaseStarted p) {
    MigrationStarted m = migrations.get(p.vm());
    if (m == null) {
      return;
    }
    for (Crash c : new ArrayList<>(crashes)) {
      if (!c.fired && c.vms.contains(p.vm()) && MigrationStages.matches(c.stage, p.phase())) {
        c.fired = true;
        crashes.remove(c);
        HostId node = c.source ? m.source() : m.target();
        String why = "fired: " + node + " crashed as the migration of " + p.vm() + " (" + m.source() + " -> "
            + m.target() + ", " + m.strategy() + ") entered phase '" + p.phase() + "'";
        nemesis.at(p.timeNanos(), () -> {
          nemesis.primitives().crash(node);
          nemesis.record(c.fault, why);
        });
      }
    }
  }

  private void committed(VmId vm) {
    LunId lun = nemesis.primitives().cluster().vm(vm).spec().luns().get(0);
    SavedStateDamage damage = tornWrites.remove(lun);
    if (damage == null) {
      return;
    }
    nemesis.at(nemesis.now(), () -> {
      nemesis.primitives().faults().damageSavedState(vm, damage);
      nemesis.recordNote("torn-write", "the commit of " + vm + "'s saved state on " + lun + " tore ("
          + damage.name().toLowerCase(Locale.ROOT) + ")");
    });
  }
}
