package io.hvcluster.core.cluster.membership;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.event.ClusterFormed;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.core.cluster.availability.AvailabilityTracker;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.sim.EventLoop.Priority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Membership and quorum: after every instant at which heartbeat routes or node states changed, the
 * cluster regroups. Regroup is modelled as instantaneous agreement among the nodes that can still talk:
 *
 * <ol>
 *   <li>the candidates are the members and joining nodes;
 *   <li>they split into partitions: the regroup is triggered when heartbeats declare a route down or up
 *       (or a node starts or stops its service), and then probes every pair, so partitions are the
 *       connected components of the nodes that can talk both ways right now, each pared down to a clique
 *       by evicting the node with the most unreachable peers (ties: the later node);
 *   <li>the partition holding more than half of the votes (nodes, plus the witness where the quorum model
 *       has one and the partition holds it) is active; else the partition of the node an operator forced
 *       last ({@code /forcequorum}) is active, with forced quorum; if none has quorum but one would with
 *       the witness, it arbitrates for the witness and the cluster regroups again when that ends;
 *   <li>joining nodes of the active partition become members; members outside it go down, stop their
 *       cluster service (and so their VMs), and the failover engine takes over their groups.
 * </ol>
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Membership {
  private final ClusterModel cluster;
  final Heartbeats heartbeats;
  private final Links links;
  private final NodeService nodes;
  final AvailabilityTracker availability;
  final MembershipListener listener;
  private boolean decisionPending;
  private List<SimHost> active = List.of();
  private QuorumStatus status;
  private boolean formed;
  private final Set<String> lostContests = new HashSet<>();
  /** Nodes whose cluster service an operator started with {@code /forcequorum}, oldest first. */
  private final List<SimHost> forced = new ArrayList<>();

  /**
   * Creates the membership of a cluster whose nodes are all added already.
   *
   * @param cluster the cluster
   * @param heartbeats its failure detection, which reports route changes here from now on
   * @param links its heartbeat network
   * @param nodes its node service, which asks for decisions here from now on
   * @param availability the VMs' availability accounts
   * @param listener the failover engine, told when a partition with quorum forms or changes
   */
  public Membership(ClusterModel cluster, Heartbeats heartbeats, Links links, NodeService nodes,
      AvailabilityTracker availability, MembershipListener listener) {
    this.cluster = cluster;
    this.heartbeats = heartbeats;
    this.links = links;
    this.nodes = nodes;
    this.availability = availability;
    this.listener = listener;
    heartbeats.reportTo(this);
    nodes.decideWith(this);
    QuorumModel model = cluster.spec().quorum();
    int n = cluster.hosts().size();
    this.status = new QuorumStatus(false, 0, model.votesNeeded(n), model.totalVotes(n), List.of(), false, false);
  }

  public boolean hasQuorum() {
    return status.hasQuorum();
  }

  public QuorumStatus status() {
    return status;
  }

  /**
   * Whether the nodes that are powered on and not hung could hold quorum together (with the witness,
   * where the model has one and its array is online), whatever their cluster services do right now.
   */
  public boolean quorumReachable() {
    int alive = 0;
    for (SimHost h : cluster.hosts()) {
      if (h.running()) {
        alive++;
      }
    }
    SimLun w = cluster.witness();
    return QuorumMath.hasQuorum(cluster.spec().quorum(), cluster.hosts().size(), alive, w != null && !w.isArrayOffline());
  }

  public boolean isActive(SimHost host) {
    return host.isActiveMember();
  }

  public List<SimHost> active() {
    return active;
  }

  /**
   * An operator started {@code h}'s cluster service with {@code net start clussvc /forcequorum}: while
   * no partition holds quorum of its own, the partition of the node forced last runs as if it had
   * quorum. The force ends when the service stops, or when the partition gains quorum of its own (the
   * other nodes join it).
   */
  public void forceQuorum(SimHost h) {
    forced.remove(h);
    forced.add(h);
    requestDecision();
  }

  /**
   * Returns whether an operator forced quorum on {@code h} and the force has not ended.
   *
   * @param h the node
   * @return whether it is forced
   */
  public boolean isForced(SimHost h) {
    return forced.contains(h);
  }

  /**
   * Checks that an operator may force quorum on {@code h} now.
   *
   * @param h the node
   * @throws IllegalStateException when the node is off or hung, or a member of a partition with quorum
   */
  public void checkForce(SimHost h) {
    if (!h.running() || h.isHung()) {
      throw new IllegalStateException(h.describe() + " is " + (h.isHung() ? "hung" : "off") + "; /forcequorum starts"
          + " the cluster service of a running node");
    }
    if (status.hasQuorum() && h.isActiveMember() && !status.forced()) {
      throw new IllegalStateException(h.describe() + " is a member of a partition that holds quorum (" + status.votes()
          + " of " + status.totalVotes() + " votes); /forcequorum is for a partition without it");
    }
  }

  /** {@code h}'s cluster service stopped: a quorum forced on it ends. */
  void serviceStopped(SimHost h) {
    forced.remove(h);
  }

  public void requestDecision() {
    if (!decisionPending) {
      decisionPending = true;
      cluster.loop().scheduleAt(cluster.now(), Priority.DECIDE, this::decide);
    }
  }

  private void decide() {
    decisionPending = false;
    heartbeats.reportRouteChanges();
    QuorumModel model = cluster.spec().quorum();
    int configured = cluster.hosts().size();
    List<SimHost> candidates = new ArrayList<>();
    for (SimHost h : cluster.hosts()) {
      if (h.nodeState() != NodeState.DOWN) {
        candidates.add(h);
      }
    }
    List<List<SimHost>> parts = partition(candidates);
    List<SimHost> winner = null;
    boolean winnerWitness = false;
    for (List<SimHost> p : parts) {
      boolean w = holdsWitness(p);
      if (QuorumMath.hasQuorum(model, configured, p.size(), w)) {
        winner = p;
        winnerWitness = w;
      }
    }
    SimHost forcedBy = null;
    if (winner != null) {
      forced.removeIf(winner::contains);
    } else {
      for (int i = forced.size() - 1; i >= 0 && winner == null; i--) {
        SimHost node = forced.get(i);
        for (List<SimHost> p : parts) {
          if (p.contains(node) && node.sendsHeartbeats()) {
            winner = p;
            winnerWitness = holdsWitness(p);
            forcedBy = node;
            break;
          }
        }
      }
    }
    Set<SimHost> contending = new HashSet<>();
    SimLun witness = cluster.witness();
    if (winner == null && witness != null && !witness.isArrayOffline()) {
      String signature = signature(candidates);
      for (List<SimHost> p : parts) {
        if (holdsWitness(p) || !QuorumMath.hasQuorum(model, configured, p.size(), true)) {
          continue;
        }
        String key = signature + "|" + names(p) + "|" + witness.generation();
        if (lostContests.contains(key)) {
          continue;
        }
        SimHost challenger = p.stream().filter(h -> h.sendsHeartbeats() && witness.reachableFrom(h)).findFirst().orElse(null);
        if (challenger == null) {
          continue;
        }
        contending.addAll(p);
        if (!witness.isArbitrating()) {
          witness.arbitrate(challenger, "quorum for partition " + names(p), won -> {
            if (!won) {
              lostContests.add(key);
            }
            requestDecision();
          });
        }
      }
    }
    apply(candidates, parts, winner, winnerWitness, contending, forcedBy);
  }

  private void apply(List<SimHost> candidates, List<List<SimHost>> parts, List<SimHost> winner,
      boolean winnerWitness, Set<SimHost> contending, SimHost forcedBy) {
    QuorumModel model = cluster.spec().quorum();
    int configured = cluster.hosts().size();
    List<SimHost> lost = new ArrayList<>();
    List<String> lostReasons = new ArrayList<>();
    for (SimHost h : candidates) {
      if (winner != null && winner.contains(h)) {
        if (h.nodeState() == NodeState.JOINING) {
          h.moveTo(NodeState.UP, "joined the cluster");
          if (h.pauseIntent()) {
            h.moveTo(NodeState.PAUSED, "paused by operator");
          }
        }
      } else if (!contending.contains(h) && h.isMember()) {
        List<SimHost> own = parts.stream().filter(p -> p.contains(h)).findFirst().orElse(List.of(h));
        String why;
        if (own.size() == 1 && winner != null && !h.sendsHeartbeats()) {
          why = heartbeats.missedBeats(h, winner);
        } else {
          boolean w = holdsWitness(own);
          why = "lost quorum: partition " + names(own) + " holds " + QuorumMath.votes(model, own.size(), w) + " of "
              + model.totalVotes(configured) + " votes, needs " + model.votesNeeded(configured);
        }
        lost.add(h);
        lostReasons.add(why);
      }
    }
    for (int i = 0; i < lost.size(); i++) {
      lost.get(i).moveTo(NodeState.DOWN, lostReasons.get(i));
    }
    for (SimHost h : active) {
      h.activeMember(false);
    }
    active = winner == null ? List.of() : List.copyOf(winner);
    for (SimHost h : active) {
      h.activeMember(true);
    }
    QuorumStatus next = statusOf(parts, winner, winnerWitness, forcedBy != null);
    boolean worthReporting = next.hasQuorum() != status.hasQuorum() || next.hasQuorum() && !next.equals(status);
    if (!worthReporting) {
      status = next;
    } else {
      String why = winner == null ? "quorum lost: no partition holds more than half of the votes"
          : forcedBy != null ? "quorum forced on " + forcedBy.id() + " (net start clussvc /forcequorum): partition "
              + names(winner) + " holds " + next.votes() + " of " + next.totalVotes() + " votes, needs "
              + next.votesNeeded()
          : status.hasQuorum() ? "quorum partition changed" : "quorum established";
      status = next;
      cluster.emit(new QuorumChanged(cluster.now(), cluster.name(), next.hasQuorum(), next.votes(), next.votesNeeded(),
          next.members(), next.witnessVote(), why));
    }
    if (winner == null && contending.isEmpty() && !candidates.isEmpty()) {
      // Nodes are up but no partition has quorum, and none is contending for the witness: nothing starts.
      String largest = next.members().stream().map(HostId::name).collect(Collectors.joining(", ", "[", "]"));
      availability.pendingStartsStalled("no quorum: the largest partition " + largest + " holds "
          + next.votes() + " of " + next.totalVotes() + " votes, needs " + next.votesNeeded());
    }
    if (winner != null && !formed) {
      formed = true;
      cluster.emit(new ClusterFormed(cluster.now(), cluster.name(), next.members()));
    }
    for (int i = 0; i < lost.size(); i++) {
      nodes.nodeLeft(lost.get(i), lostReasons.get(i));
    }
    if (winner != null) {
      listener.reconcile();
    }
  }

  private QuorumStatus statusOf(List<List<SimHost>> parts, List<SimHost> winner, boolean winnerWitness,
      boolean forcedWin) {
    QuorumModel model = cluster.spec().quorum();
    int n = cluster.hosts().size();
    List<SimHost> shown = winner;
    boolean witness = winnerWitness;
    if (shown == null) {
      shown = List.of();
      witness = false;
      for (List<SimHost> p : parts) {
        boolean w = holdsWitness(p);
        if (QuorumMath.votes(model, p.size(), w) > QuorumMath.votes(model, shown.size(), witness)) {
          shown = p;
          witness = w;
        }
      }
    }
    List<HostId> members = shown.stream().map(SimHost::id).sorted().toList();
    return new QuorumStatus(winner != null, QuorumMath.votes(model, shown.size(), witness), model.votesNeeded(n),
        model.totalVotes(n), members, witness, forcedWin);
  }

  private boolean holdsWitness(List<SimHost> partition) {
    SimLun w = cluster.witness();
    return w != null && w.ownerNode() != null && partition.contains(w.ownerNode()) && !w.isArrayOffline()
        && w.reachableFrom(w.ownerNode()) && w.ownerNode().sendsHeartbeats();
  }

  /** Splits the candidates into partitions of mutually connected nodes, deterministically. */
  private List<List<SimHost>> partition(List<SimHost> candidates) {
    List<SimHost> remaining = new ArrayList<>(candidates);
    List<List<SimHost>> parts = new ArrayList<>();
    while (!remaining.isEmpty()) {
      List<SimHost> component = new ArrayList<>();
      component.add(remaining.get(0));
      for (int i = 0; i < component.size(); i++) {
        SimHost a = component.get(i);
        for (SimHost b : remaining) {
          if (!component.contains(b) && canTalk(a, b)) {
            component.add(b);
          }
        }
      }
      component.sort((x, y) -> Integer.compare(x.index(), y.index()));
      while (true) {
        SimHost victim = null;
        int worst = 0;
        for (SimHost a : component) {
          int lostRoutes = 0;
          for (SimHost b : component) {
            if (a != b && !canTalk(a, b)) {
              lostRoutes++;
            }
          }
          if (lostRoutes > 0 && lostRoutes >= worst) {
            worst = lostRoutes;
            victim = a;
          }
        }
        if (victim == null) {
          break;
        }
        component.remove(victim);
      }
      parts.add(component);
      remaining.removeAll(component);
    }
    return parts;
  }

  /**
   * Whether two nodes can exchange messages right now. A regroup is triggered by a route that heartbeats
   * declared down or up, but then probes every pair, as the regroup protocol does.
   */
  private boolean canTalk(SimHost a, SimHost b) {
    return a.sendsHeartbeats() && b.sendsHeartbeats() && !links.isCut(a, b) && !links.isCut(b, a);
  }

  private static String names(List<SimHost> hosts) {
    return hosts.stream().map(h -> h.id().name()).sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  private static String signature(List<SimHost> candidates) {
    return candidates.stream().map(h -> h.id().name() + ":" + h.nodeState()).collect(Collectors.joining(","));
  }
}
