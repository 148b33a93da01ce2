package io.hvcluster.testkit.fault;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Chooses the VMs a VM or migration fault hits. Like {@link HostSelector}, it is data resolved against
 * the live cluster when its fault is applied.
 *
 * <table>
 * <caption>VM selectors</caption>
 * <tr><th>text</th><th>resolves to</th></tr>
 * <tr><td>{@code any}</td><td>every VM (for migration faults: the next migration of any VM)</td></tr>
 * <tr><td>{@code one}</td><td>one random running VM (any VM if none runs)</td></tr>
 * <tr><td>{@code explicit(vm1,vm2)}</td><td>exactly those VMs</td></tr>
 * </table>
 *
 * <p>Resolution reads the live views, so call it on the simulation's thread. Selectors themselves are
 * immutable and thread-safe. Example:
 *
 * <pre>{@code
 * List<VmId> vms = VmSelector.parse("explicit(web1)").resolve(cluster, random);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface VmSelector {
  /**
   * Returns the VMs this selector picks, in configuration order.
   *
   * @param cluster the cluster
   * @param random the source for random choices
   * @return the VMs, possibly empty
   * @throws IllegalArgumentException when an explicit VM does not exist in the cluster
   */
  List<VmId> resolve(Cluster cluster, RandomGenerator random);

  /**
   * Returns selectors that pick fewer VMs, for shrinking, most aggressive first.
   *
   * @return the narrower selectors
   */
  Stream<VmSelector> narrower();

  /**
   * Returns a selector of every VM.
   *
   * @return the selector
   */
  static VmSelector any() {
    return new Any();
  }

  /**
   * Returns a selector of one random running VM.
   *
   * @return the selector
   */
  static VmSelector one() {
    return new One();
  }

  /**
   * Returns a selector of exactly the named VMs.
   *
   * @param vms the VM names, at least one
   * @return the selector
   */
  static VmSelector explicit(String... vms) {
    return new Explicit(Stream.of(vms).map(VmId::of).collect(Collectors.toList()));
  }

  /**
   * Reads a selector from its text form.
   *
   * @param text for example {@code "any"} or {@code "explicit(web1)"}
   * @return the selector
   * @throws IllegalArgumentException when the text is not a VM selector
   */
  static VmSelector parse(String text) {
    SelectorText t = SelectorText.parse("VM", text);
    switch (t.name()) {
      case "any": t.noArgs("VM"); return any();
      case "one": t.noArgs("VM"); return one();
      case "explicit":
        return new Explicit(t.someArgs("VM").stream().map(VmId::of).collect(Collectors.toList()));
      default:
        throw new IllegalArgumentException("unknown VM selector '" + t.name() + "'; use any, one or explicit(vm,...)");
    }
  }

  /**
   * Every VM.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Any() implements VmSelector {
    /** {@inheritDoc} */
    @Override
    public List<VmId> resolve(Cluster cluster, RandomGenerator random) {
      return cluster.vms().stream().map(VirtualMachine::id).collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<VmSelector> narrower() {
      return Stream.of(one());
    }

    /** Returns {@code "any"}. */
    @Override
    public String toString() {
      return "any";
    }
  }

  /**
   * One random running VM.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record One() implements VmSelector {
    /** {@inheritDoc} */
    @Override
    public List<VmId> resolve(Cluster cluster, RandomGenerator random) {
      List<VmId> running = cluster.vms().stream().filter(v -> v.state() == VmState.RUNNING).map(VirtualMachine::id)
          .collect(Collectors.toList());
      List<VmId> all = cluster.vms().stream().map(VirtualMachine::id).collect(Collectors.toList());
      return Picks.one(running.isEmpty() ? all : running, random);
    }

    /** {@inheritDoc} */
    @Override
    public Stream<VmSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "one"}. */
    @Override
    public String toString() {
      return "one";
    }
  }

  /**
   * Exactly the given VMs.
   *
   * @param vms the VMs, at least one, each once
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Explicit(List<VmId> vms) implements VmSelector {
    /**
     * Creates the selector after checking it.
     *
     * @param vms the VMs, at least one, each once
     * @throws IllegalArgumentException when the list is empty or names a VM twice
     */
    public Explicit {
      vms = List.copyOf(vms);
      if (vms.isEmpty()) {
        throw new IllegalArgumentException("explicit VM selector needs at least one VM");
      }
      if (Set.copyOf(vms).size() != vms.size()) {
        throw new IllegalArgumentException("explicit VM selector names a VM twice: " + vms);
      }
    }

    /** {@inheritDoc} */
    @Override
    public List<VmId> resolve(Cluster cluster, RandomGenerator random) {
      List<VmId> known = cluster.vms().stream().map(VirtualMachine::id).collect(Collectors.toList());
      for (VmId vm : vms) {
        if (!known.contains(vm)) {
          throw new IllegalArgumentException("selector " + this + " names VM '" + vm + "' which cluster '"
              + cluster.name() + "' does not have");
        }
      }
      return known.stream().filter(vms::contains).collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<VmSelector> narrower() {
      return Picks.dropEach(vms).stream().map(Explicit::new);
    }

    /** Returns for example {@code "explicit(web1,web2)"}. */
    @Override
    public String toString() {
      return SelectorText.format("explicit", vms);
    }
  }
}
