package io.hvcluster.testkit.fault;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Chooses the nodes a fault hits, as Jepsen's node specs do. A selector is data: it is resolved
 * against the live cluster only when its fault is applied, with a random source for the random choices,
 * so a plan stays meaningful as the cluster changes. Its text form ({@code toString()},
 * {@link #parse(String)}) is what plans print and store in JSON.
 *
 * <table>
 * <caption>Host selectors</caption>
 * <tr><th>text</th><th>resolves to</th></tr>
 * <tr><td>{@code one}</td><td>one random running node (any node if none runs)</td></tr>
 * <tr><td>{@code minority}</td><td>a random set of max(1, (n−1)/2) nodes</td></tr>
 * <tr><td>{@code majority}</td><td>a random set of n/2+1 nodes</td></tr>
 * <tr><td>{@code all}</td><td>every node</td></tr>
 * <tr><td>{@code owners-of(vm1,vm2)}, {@code owners-of(*)}</td><td>the nodes the VMs are on (all VMs
 *     for {@code *})</td></tr>
 * <tr><td>{@code coordinator}</td><td>the coordinator (owner) of the first Cluster Shared Volume</td></tr>
 * <tr><td>{@code witness-holder}</td><td>the node that owns the witness disk</td></tr>
 * <tr><td>{@code explicit(node1,node2)}</td><td>exactly those nodes</td></tr>
 * </table>
 *
 * <p>Resolution reads the live views, so call it on the simulation's thread. Selectors themselves are
 * immutable and thread-safe. Example:
 *
 * <pre>{@code
 * List<HostId> victims = HostSelector.parse("minority").resolve(cluster, new SplittableRandom(seed));
 * }</pre>
 *
 * <p>It is longer than 400 lines because the sealed set of selectors, each a small record with its
 * Javadoc, is kept in one file so that a new selector is seen beside all the others.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface HostSelector {
  /**
   * Returns the nodes this selector picks in the cluster as it is now, in configuration order.
   *
   * @param cluster the cluster
   * @param random the source for random choices
   * @return the nodes, possibly empty (for example no coordinator without Cluster Shared Volumes)
   * @throws IllegalArgumentException when an explicit node or VM does not exist in the cluster
   */
  List<HostId> resolve(Cluster cluster, RandomGenerator random);

  /**
   * Returns the most nodes this selector can pick in a cluster of {@code nodes} nodes; fault budgets
   * count with it.
   *
   * @param nodes the number of nodes
   * @return the upper bound
   */
  int maxSize(int nodes);

  /**
   * Returns selectors that pick fewer nodes, for shrinking, most aggressive first.
   *
   * @return the narrower selectors
   */
  Stream<HostSelector> narrower();

  /**
   * Returns a selector of one random running node.
   *
   * @return the selector
   */
  static HostSelector one() {
    return new One();
  }

  /**
   * Returns a selector of a random minority: max(1, (n−1)/2) nodes.
   *
   * @return the selector
   */
  static HostSelector minority() {
    return new Minority();
  }

  /**
   * Returns a selector of a random majority: n/2+1 nodes.
   *
   * @return the selector
   */
  static HostSelector majority() {
    return new Majority();
  }

  /**
   * Returns a selector of every node.
   *
   * @return the selector
   */
  static HostSelector all() {
    return new All();
  }

  /**
   * Returns a selector of the nodes the given VMs are on; with no VMs, the nodes of every VM.
   *
   * @param vms the VMs
   * @return the selector
   */
  static HostSelector ownersOf(VmId... vms) {
    return new OwnersOf(List.of(vms));
  }

  /**
   * Returns a selector of the coordinator node of the first Cluster Shared Volume.
   *
   * @return the selector
   */
  static HostSelector coordinator() {
    return new Coordinator();
  }

  /**
   * Returns a selector of the node that owns the witness disk.
   *
   * @return the selector
   */
  static HostSelector witnessHolder() {
    return new WitnessHolder();
  }

  /**
   * Returns a selector of exactly the given nodes.
   *
   * @param hosts the nodes, at least one
   * @return the selector
   */
  static HostSelector explicit(HostId... hosts) {
    return new Explicit(List.of(hosts));
  }

  /**
   * Returns a selector of exactly the named nodes.
   *
   * @param hosts the node names, at least one
   * @return the selector
   */
  static HostSelector explicit(String... hosts) {
    return new Explicit(Stream.of(hosts).map(HostId::of).collect(Collectors.toList()));
  }

  /**
   * Reads a selector from its text form.
   *
   * @param text for example {@code "one"} or {@code "explicit(node1,node2)"}
   * @return the selector
   * @throws IllegalArgumentException when the text is not a host selector
   */
  static HostSelector parse(String text) {
    SelectorText t = SelectorText.parse("host", text);
    switch (t.name()) {
      case "one": t.noArgs("host"); return one();
      case "minority": t.noArgs("host"); return minority();
      case "majority": t.noArgs("host"); return majority();
      case "all": t.noArgs("host"); return all();
      case "coordinator": t.noArgs("host"); return coordinator();
      case "witness-holder": t.noArgs("host"); return witnessHolder();
      case "owners-of": {
        List<String> args = t.someArgs("host");
        if (args.equals(List.of("*"))) {
          return new OwnersOf(List.of());
        }
        return new OwnersOf(args.stream().map(VmId::of).collect(Collectors.toList()));
      }
      case "explicit":
        return new Explicit(t.someArgs("host").stream().map(HostId::of).collect(Collectors.toList()));
      default:
        throw new IllegalArgumentException("unknown host selector '" + t.name() + "'; use one, minority, majority, all,"
            + " owners-of(vm,...), owners-of(*), coordinator, witness-holder or explicit(node,...)");
    }
  }

  private static List<HostId> ids(Cluster cluster) {
    return cluster.hosts().stream().map(Host::id).collect(Collectors.toList());
  }

  private static int minoritySize(int nodes) {
    return Math.max(1, (nodes - 1) / 2);
  }

  /**
   * One random running node (any node when none runs).
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record One() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      List<HostId> running = cluster.hosts().stream().filter(Host::isRunning).map(Host::id).collect(Collectors.toList());
      return Picks.one(running.isEmpty() ? ids(cluster) : running, random);
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return 1;
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "one"}. */
    @Override
    public String toString() {
      return "one";
    }
  }

  /**
   * A random minority of max(1, (n−1)/2) nodes.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Minority() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      List<HostId> all = ids(cluster);
      return Picks.subset(all, minoritySize(all.size()), random);
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return Math.min(nodes, minoritySize(nodes));
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.of(one());
    }

    /** Returns {@code "minority"}. */
    @Override
    public String toString() {
      return "minority";
    }
  }

  /**
   * A random majority of n/2+1 nodes.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Majority() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      List<HostId> all = ids(cluster);
      return Picks.subset(all, all.size() / 2 + 1, random);
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return Math.min(nodes, nodes / 2 + 1);
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.of(one(), minority());
    }

    /** Returns {@code "majority"}. */
    @Override
    public String toString() {
      return "majority";
    }
  }

  /**
   * Every node.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record All() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      return List.copyOf(ids(cluster));
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return nodes;
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.of(one(), minority(), majority());
    }

    /** Returns {@code "all"}. */
    @Override
    public String toString() {
      return "all";
    }
  }

  /**
   * The nodes the given VMs are on.
   *
   * @param vms the VMs; empty for every VM
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record OwnersOf(List<VmId> vms) implements HostSelector {
    /**
     * Creates the selector.
     *
     * @param vms the VMs; empty for every VM
     */
    public OwnersOf {
      vms = List.copyOf(vms);
    }

    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      List<VirtualMachine> chosen = new ArrayList<>();
      if (vms.isEmpty()) {
        chosen.addAll(cluster.vms());
      } else {
        for (VmId vm : vms) {
          chosen.add(cluster.vms().stream().filter(v -> v.id().equals(vm)).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("selector " + this + " names VM '" + vm
                  + "' which cluster '" + cluster.name() + "' does not have")));
        }
      }
      Set<HostId> owners = new LinkedHashSet<>();
      chosen.forEach(vm -> vm.host().ifPresent(owners::add));
      return ids(cluster).stream().filter(owners::contains).collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return vms.isEmpty() ? nodes : Math.min(nodes, vms.size());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      if (vms.isEmpty()) {
        return Stream.of(one());
      }
      return Picks.dropEach(vms).stream().map(OwnersOf::new);
    }

    /** Returns for example {@code "owners-of(vm1,vm2)"} or {@code "owners-of(*)"}. */
    @Override
    public String toString() {
      return vms.isEmpty() ? "owners-of(*)" : SelectorText.format("owners-of", vms);
    }
  }

  /**
   * The coordinator node of the first Cluster Shared Volume.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Coordinator() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      return cluster.storage().luns().stream().filter(l -> l.spec().csv()).findFirst()
          .flatMap(Lun::owner).map(List::of).orElse(List.of());
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return 1;
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "coordinator"}. */
    @Override
    public String toString() {
      return "coordinator";
    }
  }

  /**
   * The node that owns the witness disk.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record WitnessHolder() implements HostSelector {
    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      return cluster.storage().witness().flatMap(Lun::owner).map(List::of).orElse(List.of());
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return 1;
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "witness-holder"}. */
    @Override
    public String toString() {
      return "witness-holder";
    }
  }

  /**
   * Exactly the given nodes.
   *
   * @param hosts the nodes, at least one, each once
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Explicit(List<HostId> hosts) implements HostSelector {
    /**
     * Creates the selector after checking it.
     *
     * @param hosts the nodes, at least one, each once
     * @throws IllegalArgumentException when the list is empty or names a node twice
     */
    public Explicit {
      hosts = List.copyOf(hosts);
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("explicit host selector needs at least one node");
      }
      if (Set.copyOf(hosts).size() != hosts.size()) {
        throw new IllegalArgumentException("explicit host selector names a node twice: " + hosts);
      }
    }

    /** {@inheritDoc} */
    @Override
    public List<HostId> resolve(Cluster cluster, RandomGenerator random) {
      List<HostId> known = ids(cluster);
      for (HostId host : hosts) {
        if (!known.contains(host)) {
          throw new IllegalArgumentException("selector " + this + " names node '" + host + "' which cluster '"
              + cluster.name() + "' does not have; nodes: " + known);
        }
      }
      return known.stream().filter(hosts::contains).collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public int maxSize(int nodes) {
      return Math.min(nodes, hosts.size());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<HostSelector> narrower() {
      return Picks.dropEach(hosts).stream().map(Explicit::new);
    }

    /** Returns for example {@code "explicit(node1,node2)"}. */
    @Override
    public String toString() {
      return SelectorText.format("explicit", hosts);
    }
  }
}
