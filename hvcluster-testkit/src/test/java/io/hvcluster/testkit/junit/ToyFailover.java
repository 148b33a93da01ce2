package io.hvcluster.testkit.junit;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.fake.FakeCluster;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.Isolate;
import io.hvcluster.testkit.fault.Link;
import io.hvcluster.testkit.fault.Partitions;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.property.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A toy failover model standing in for the engine, to test the testkit end to end: nodes crash and
 * partition as a fault plan says, each partition runs a failover policy, and the S1 check ("a VM runs on
 * at most one host") runs after every step. The broken policy ignores quorum: a minority partition
 * keeps its VMs and restarts the others, so a VM runs twice.
 */
final class ToyFailover {
  private final ClusterSpec spec;
  private final boolean ignoreQuorum;
  private final long seed;
  private final History history = new History();
  private final SortedSet<HostId> crashed = new TreeSet<>();
  private final List<SortedSet<Link>> cuts = new ArrayList<>();
  private final Map<VmId, SortedSet<HostId>> runners = new TreeMap<>();
  private Violation violation;

  ToyFailover(ClusterSpec spec, boolean ignoreQuorum, long seed) {
    this.spec = spec;
    this.ignoreQuorum = ignoreQuorum;
    this.seed = seed;
    List<HostId> hosts = hosts();
    for (int i = 0; i < spec.vms().size(); i++) {
      runners.put(spec.vms().get(i).id(), new TreeSet<>(List.of(hosts.get(i % hosts.size()))));
    }
  }

  History history() {
    return history;
  }

  Optional<Violation> violation() {
    return Optional.ofNullable(violation);
  }

  /** Runs the plan's faults and heal phase, stopping at the first violation. */
  void run(FaultPlan plan) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < plan.faults().size(); i++) {
      Fault f = plan.faults().get(i);
      steps.add(new Step(f.at(), i, f, true));
      if (f.duration().isPresent() && plan.activeUntil(f).compareTo(plan.heal().at()) < 0) {
        steps.add(new Step(plan.activeUntil(f), i, f, false));
      }
    }
    steps.sort(Comparator.comparing((Step s) -> s.at).thenComparing(s -> s.apply ? 1 : 0));
    List<Runnable> undo = new ArrayList<>(java.util.Collections.nCopies(plan.size(), () -> {}));
    for (Step s : steps) {
      long t = s.at.toNanos();
      if (s.apply) {
        undo.set(s.index, apply(s.fault, s.index, t));
      } else {
        undo.get(s.index).run();
        history.faultHealed(t, s.fault, "");
      }
      reconcile(t);
      if (violation != null) {
        return;
      }
    }
    crashed.clear();
    cuts.clear();
    history.event(plan.heal().at().toNanos(), "heal", "every fault healed");
    reconcile(plan.heal().at().toNanos());
  }

  private Runnable apply(Fault fault, int index, long t) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "fault-" + index));
    FakeCluster view = new FakeCluster(spec);
    crashed.forEach(h -> view.crash(h.name()));
    if (fault instanceof HostCrash) {
      List<HostId> victims = ((HostCrash) fault).hosts().resolve(view, random);
      history.faultApplied(t, fault, victims.toString());
      crashed.addAll(victims);
      runners.values().forEach(r -> r.removeAll(victims));
      return () -> crashed.removeAll(victims);
    }
    SortedSet<Link> cut;
    List<HostId> targets;
    if (fault instanceof Isolate) {
      targets = ((Isolate) fault).hosts().resolve(view, random);
      cut = Partitions.isolate(hosts(), targets);
    } else if (fault instanceof Split) {
      targets = ((Split) fault).side().resolve(view, random);
      cut = Partitions.split(hosts(), targets);
    } else {
      history.faultApplied(t, fault, "not modelled");
      return () -> {};
    }
    history.faultApplied(t, fault, targets.toString());
    cuts.add(cut);
    return () -> cuts.remove(cut);
  }

  private void reconcile(long t) {
    List<SortedSet<HostId>> components = components();
    int quorum = spec.hosts().size() / 2 + 1;
    for (SortedSet<HostId> c : components) {
      if (c.size() < quorum && !ignoreQuorum) {
        runners.forEach((vm, on) -> {
          if (on.removeAll(c)) {
            history.event(t, "vm-stopped", vm + " in minority " + c);
          }
        });
      }
    }
    for (SortedSet<HostId> c : components) {
      if (c.size() >= quorum || ignoreQuorum) {
        runners.forEach((vm, on) -> {
          if (on.stream().noneMatch(c::contains)) {
            on.add(c.first());
            history.event(t, "vm-started", vm + " on " + c.first());
          }
        });
      }
    }
    runners.forEach((vm, on) -> {
      if (violation == null && on.size() > 1) {
        violation = new Violation("S1", FailureClass.SAFETY, vm + " runs on " + on, t, history.size() - 1);
      }
    });
  }

  private List<SortedSet<HostId>> components() {
    List<SortedSet<HostId>> out = new ArrayList<>();
    SortedSet<HostId> seen = new TreeSet<>();
    for (HostId start : hosts()) {
      if (crashed.contains(start) || seen.contains(start)) {
        continue;
      }
      SortedSet<HostId> component = new TreeSet<>(List.of(start));
      List<HostId> frontier = new ArrayList<>(List.of(start));
      while (!frontier.isEmpty()) {
        HostId a = frontier.remove(frontier.size() - 1);
        for (HostId b : hosts()) {
          if (!crashed.contains(b) && !component.contains(b) && connected(a, b)) {
            component.add(b);
            frontier.add(b);
          }
        }
      }
      seen.addAll(component);
      out.add(component);
    }
    return out;
  }

  private boolean connected(HostId a, HostId b) {
    Link link = new Link(a, b);
    return cuts.stream().noneMatch(c -> c.contains(link) || c.contains(link.reversed()));
  }

  private List<HostId> hosts() {
    return spec.hosts().stream().map(HostSpec::id).collect(Collectors.toList());
  }

  /** VM names, for readable assertions. */
  List<String> vms() {
    return spec.vms().stream().map(VmSpec::id).map(VmId::name).collect(Collectors.toList());
  }

  private static final class Step {
    private final Duration at;
    private final int index;
    private final Fault fault;
    private final boolean apply;

    Step(Duration at, int index, Fault fault, boolean apply) {
      this.at = at;
      this.index = index;
      this.fault = fault;
      this.apply = apply;
    }
  }
}
