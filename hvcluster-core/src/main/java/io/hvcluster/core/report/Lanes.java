package io.hvcluster.core.report;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.event.VmStateChanged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a run's events into what the timeline draws: per node, its states over time; per node, the bars
 * of the VMs that were on it (one bar per stay, split into segments by VM state) packed into rows; and
 * the cluster's quorum over time.
 */
final class Lanes {
  /** The node band's state for a node kept out of the cluster because its partition has no quorum. */
  static final String NO_QUORUM = "NO_QUORUM";

  /** A stretch of time in one state; {@code label} is what the timeline may write on it (or empty). */
  record Span(long start, long end, String state, String detail, String label) {
    Span(long start, long end, String state, String detail) {
      this(start, end, state, detail, "");
    }
  }

  /** One stay of a VM on a node, from the moment it appeared there until it left or was turned off. */
  record VmBar(VmId vm, HostId host, long start, long end, List<Span> segments) {}

  /** A bar placed in a row of its node's lane. */
  record Placed(VmBar bar, int row) {}

  final Map<HostId, List<Span>> nodes = new LinkedHashMap<>();
  final Map<HostId, List<Placed>> bars = new LinkedHashMap<>();
  final Map<HostId, Integer> rows = new LinkedHashMap<>();
  final List<Span> quorum = new ArrayList<>();
  /** Per node, its VMs taken together: how many were on it and the least healthy state among them. */
  final Map<HostId, List<Span>> aggregate = new LinkedHashMap<>();

  private Lanes() {}

  static Lanes of(RunRecord record) {
    Lanes lanes = new Lanes();
    lanes.nodeSpans(record);
    lanes.quorumSpans(record);
    Map<HostId, List<VmBar>> stays = vmBars(record);
    for (HostId h : record.hosts()) {
      lanes.pack(h, stays.getOrDefault(h, List.of()));
      lanes.aggregate.put(h, Aggregate.of(stays.getOrDefault(h, List.of())));
    }
    return lanes;
  }

  private void nodeSpans(RunRecord record) {
    Map<HostId, NodeState> state = new LinkedHashMap<>();
    Map<HostId, Long> since = new LinkedHashMap<>();
    Map<HostId, String> why = new LinkedHashMap<>();
    for (HostId h : record.hosts()) {
      nodes.put(h, new ArrayList<>());
      state.put(h, record.initialState(h));
      since.put(h, record.startNanos());
      why.put(h, "");
    }
    // A node that left because its partition lost quorum restarts its cluster service and shows JOINING
    // until a partition with quorum takes it back; it is drawn as "no quorum" all that time, not as joining.
    Map<HostId, String> shown = new LinkedHashMap<>();
    record.hosts().forEach(h -> shown.put(h, state.get(h).name()));
    for (ClusterEvent e : record.events()) {
      if (e instanceof NodeStateChanged n && nodes.containsKey(n.host())) {
        HostId h = n.host();
        add(nodes.get(h), since.get(h), n.timeNanos(), shown.get(h), why.get(h));
        boolean outOfQuorum = shown.get(h).equals(NO_QUORUM) && n.to() != NodeState.UP
            && !(n.to() == NodeState.DOWN && !n.reason().startsWith("lost quorum"));
        boolean lostQuorum = n.to() == NodeState.DOWN && n.reason().startsWith("lost quorum");
        state.put(h, n.to());
        shown.put(h, outOfQuorum || lostQuorum ? NO_QUORUM : n.to().name());
        since.put(h, n.timeNanos());
        if (!outOfQuorum) {
          why.put(h, n.reason());
        }
      }
    }
    for (HostId h : record.hosts()) {
      add(nodes.get(h), since.get(h), record.endNanos(), shown.get(h), why.get(h));
    }
  }

  private void quorumSpans(RunRecord record) {
    String state = record.initialQuorum().name();
    String detail = record.initialQuorum() == RunRecord.Quorum.NOT_FORMED ? "the cluster is not formed yet" : "";
    String label = record.initialQuorum() == RunRecord.Quorum.NOT_FORMED ? "not formed"
        : record.initialQuorum() == RunRecord.Quorum.HELD ? "quorum" : "NO QUORUM";
    long since = record.startNanos();
    for (ClusterEvent e : record.events()) {
      if (e instanceof QuorumChanged q) {
        add(quorum, since, q.timeNanos(), state, detail, label);
        state = (q.hasQuorum() ? RunRecord.Quorum.HELD : RunRecord.Quorum.LOST).name();
        String members = String.join(" ", q.partition().stream().map(HostId::name).toList())
            + (q.witnessVote() ? " + witness" : "");
        detail = (q.hasQuorum() ? "held by " : "largest partition ") + members + ": " + q.votes() + " votes, needs "
            + q.votesNeeded() + "; " + q.reason();
        label = q.hasQuorum() ? "quorum held by " + members + " (" + q.votes() + " votes, needs " + q.votesNeeded() + ")"
            : "NO QUORUM: " + members + " hold " + q.votes() + ", need " + q.votesNeeded();
        since = q.timeNanos();
      }
    }
    add(quorum, since, record.endNanos(), state, detail, label);
  }

  /** Adds a span unless it is empty; merges it into the previous one when the state did not change. */
  static void add(List<Span> spans, long start, long end, String state, String detail) {
    add(spans, start, end, state, detail, "");
  }

  /** Adds a span unless it is empty; merges it into the previous one when state and label did not change. */
  static void add(List<Span> spans, long start, long end, String state, String detail, String label) {
    if (end <= start) {
      return;
    }
    if (!spans.isEmpty()) {
      Span last = spans.get(spans.size() - 1);
      if (last.state().equals(state) && last.label().equals(label) && last.end() == start) {
        spans.set(spans.size() - 1, new Span(last.start(), end, state, last.detail(), label));
        return;
      }
    }
    spans.add(new Span(start, end, state, detail, label));
  }

  /** A VM's bar is open while it is in a state other than OFF on a node. */
  private static Map<HostId, List<VmBar>> vmBars(RunRecord record) {
    Map<HostId, List<VmBar>> out = new LinkedHashMap<>();
    Map<VmId, Open> open = new LinkedHashMap<>();
    for (VmId vm : record.vms()) {
      Optional<HostId> host = record.initialHost(vm);
      VmState state = record.initialState(vm);
      if (host.isPresent() && state != VmState.OFF) {
        open.put(vm, new Open(vm, host.get(), record.startNanos(), state, ""));
      }
    }
    for (ClusterEvent e : record.events()) {
      if (!(e instanceof VmStateChanged v)) {
        continue;
      }
      Open bar = open.get(v.vm());
      boolean visible = v.to() != VmState.OFF && v.host().isPresent();
      if (bar != null) {
        if (visible && bar.host.equals(v.host().get())) {
          bar.next(v.timeNanos(), v.to(), v.reason());
          continue;
        }
        bar.close(v.timeNanos(), out);
        open.remove(v.vm());
      }
      if (visible) {
        open.put(v.vm(), new Open(v.vm(), v.host().get(), v.timeNanos(), v.to(), v.reason()));
      }
    }
    for (Open bar : open.values()) {
      bar.close(record.endNanos(), out);
    }
    return out;
  }

  /** Packs bars into the fewest rows greedily, earliest first, so that bars in one row never overlap. */
  private void pack(HostId host, List<VmBar> stays) {
    List<VmBar> sorted = new ArrayList<>(stays);
    sorted.sort(Comparator.comparingLong(VmBar::start).thenComparing(VmBar::vm));
    List<Long> rowEnds = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    for (VmBar b : sorted) {
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > b.start()) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(b.end());
      } else {
        rowEnds.set(row, b.end());
      }
      placed.add(new Placed(b, row));
    }
    bars.put(host, placed);
    rows.put(host, Math.max(1, rowEnds.size()));
  }

  /** A bar being built. */
  private static final class Open {
    final VmId vm;
    final HostId host;
    final long start;
    final List<Span> segments = new ArrayList<>();
    long since;
    VmState state;
    String why;

    Open(VmId vm, HostId host, long start, VmState state, String why) {
      this.vm = vm;
      this.host = host;
      this.start = start;
      this.since = start;
      this.state = state;
      this.why = why;
    }

    void next(long at, VmState to, String reason) {
      add(segments, since, at, state.name(), why);
      since = at;
      state = to;
      why = reason;
    }

    void close(long at, Map<HostId, List<VmBar>> out) {
      add(segments, since, at, state.name(), why);
      if (!segments.isEmpty()) {
        out.computeIfAbsent(host, h -> new ArrayList<>()).add(new VmBar(vm, host, start, at, segments));
      }
    }
  }
}
