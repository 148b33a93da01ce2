package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.property.Seeds;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies one fault plan to one cluster: schedules every fault at its time, resolves its selectors with
 * a random stream of its own, records it in the history, heals it when its duration ends, and heals
 * everything in the plan's heal phase.
 */
final class Nemesis {
  private final Simulation simulation;
  private final Primitives primitives;
  private final History history;
  private final FaultPlan plan;
  private final long seed;
  private final long start;
  private final List<HostId> hostIds;
  private final Triggers triggers;
  private final Map<Integer, Effect> active = new TreeMap<>();
  private int injected;
  private boolean healed;

  Nemesis(FaultPlan plan, Simulation simulation, Cluster cluster, long seed, History history) {
    this.simulation = simulation;
    this.primitives = new Primitives(cluster, simulation.faults(cluster));
    this.history = history;
    this.plan = plan;
    this.seed = seed;
    this.start = simulation.nowNanos();
    this.hostIds = cluster.hosts().stream().map(Host::id).collect(Collectors.toUnmodifiableList());
    this.triggers = new Triggers(this);
  }

  void schedule() {
    simulation.addListener(triggers);
    List<Fault> faults = plan.faults();
    Map<String, Integer> occurrences = new TreeMap<>();
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      int index = i;
      // A fault's random stream depends on the fault itself (and how many identical faults precede it),
      // not on its position, so removing other faults while shrinking does not change its choices.
      String key = f.describe() + " " + f.timing();
      int occurrence = occurrences.merge(key, 1, Integer::sum);
      long faultSeed = Seeds.derive(seed, "fault " + key + " #" + occurrence);
      at(start + f.at().toNanos(), () -> apply(index, f, faultSeed));
      long end = start + plan.activeUntil(f).toNanos();
      if (!f.kind().instantaneous() && end < start + plan.heal().at().toNanos()) {
        at(end, () -> heal(index, f, false));
      }
    }
    at(start + plan.heal().at().toNanos(), this::healPhase);
  }

  private void apply(int index, Fault f, long faultSeed) {
    if (healed) {
      return;
    }
    SplittableRandom random = new SplittableRandom(faultSeed);
    Applied applied;
    try {
      applied = HostFaults.apply(f, this, random);
      if (applied == null) {
        applied = NetworkFaults.apply(f, this, random);
      }
      if (applied == null) {
        applied = StorageFaults.apply(f, this, random);
      }
      if (applied == null) {
        applied = MigrationFaults.apply(f, this, random);
      }
    } catch (RuntimeException e) {
      history.faultFailed(now(), f, "could not apply: " + e.getMessage());
      return;
    }
    if (applied == null) {
      throw new AssertionError("no binding for fault kind " + f.kind());
    }
    injected++;
    history.faultApplied(now(), f, applied.detail());
    if (applied.effect() != Effect.NONE) {
      active.put(index, applied.effect());
    }
  }

  private void heal(int index, Fault f, boolean healPhase) {
    Effect effect = active.remove(index);
    if (effect != null) {
      history.faultHealed(now(), f, effect.heal(healPhase));
    }
  }

  /** Heals every active fault, disarms triggers, then repairs everything the cluster may still lack. */
  void healPhase() {
    if (healed) {
      return;
    }
    for (Integer index : List.copyOf(active.keySet())) {
      heal(index, plan.faults().get(index), true);
    }
    triggers.disarmAll();
    primitives.healEverything();
    healed = true;
    recordNote("heal-phase", "every fault healed: network, power, hangs, paths, LUNs, witness, I/O and guests restored");
  }

  boolean healed() {
    return healed;
  }

  int injected() {
    return injected;
  }

  int activeCount() {
    return active.size();
  }

  long startNanos() {
    return start;
  }

  long healAtNanos() {
    return start + plan.heal().at().toNanos();
  }

  Primitives primitives() {
    return primitives;
  }

  Triggers triggers() {
    return triggers;
  }

  List<HostId> hostIds() {
    return hostIds;
  }

  long now() {
    return simulation.nowNanos();
  }

  /** Returns when a fault of the plan stops being active, in absolute virtual time. */
  long activeUntilNanos(Fault f) {
    return start + plan.activeUntil(f).toNanos();
  }

  /** Runs an action at an absolute virtual time, no earlier than now. */
  void at(long timeNanos, Runnable action) {
    simulation.schedule(Duration.ofNanos(Math.max(0, timeNanos - now())), action);
  }

  /** Records a further step of a fault (a trigger firing) in the history. */
  void record(Fault fault, String detail) {
    history.faultApplied(now(), fault, detail);
  }

  /** Records a nemesis action that is not a fault of the plan. */
  void recordNote(String what, String detail) {
    history.invoke(History.NEMESIS, now(), what, "");
    history.info(History.NEMESIS, now(), what, detail);
  }

  static String names(Collection<?> ids) {
    if (ids.isEmpty()) {
      return "[]";
    }
    return ids.stream().map(Object::toString).collect(Collectors.joining(",", ids.size() == 1 ? "" : "[",
        ids.size() == 1 ? "" : "]"));
  }
}
