package io.hvcluster.testkit.fault;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Chooses the LUNs a storage fault hits. Like {@link HostSelector}, it is data resolved against the
 * live cluster when its fault is applied.
 *
 * <table>
 * <caption>LUN selectors</caption>
 * <tr><th>text</th><th>resolves to</th></tr>
 * <tr><td>{@code one}</td><td>one random data LUN (not the witness)</td></tr>
 * <tr><td>{@code of-vm(vm1)}</td><td>the LUNs holding that VM's files</td></tr>
 * <tr><td>{@code witness}</td><td>the witness disk</td></tr>
 * <tr><td>{@code csv}</td><td>every Cluster Shared Volume</td></tr>
 * <tr><td>{@code explicit(lun1,lun2)}</td><td>exactly those LUNs</td></tr>
 * </table>
 *
 * <p>Resolution reads the live views, so call it on the simulation's thread. Selectors themselves are
 * immutable and thread-safe. Example:
 *
 * <pre>{@code
 * List<LunId> luns = LunSelector.ofVm(VmId.of("web1")).resolve(cluster, random);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface LunSelector {
  /**
   * Returns the LUNs this selector picks, in configuration order.
   *
   * @param cluster the cluster
   * @param random the source for random choices
   * @return the LUNs, possibly empty (for example no witness under node majority)
   * @throws IllegalArgumentException when an explicit LUN or VM does not exist in the cluster
   */
  List<LunId> resolve(Cluster cluster, RandomGenerator random);

  /**
   * Returns selectors that pick fewer LUNs, for shrinking, most aggressive first.
   *
   * @return the narrower selectors
   */
  Stream<LunSelector> narrower();

  /**
   * Returns a selector of one random data LUN.
   *
   * @return the selector
   */
  static LunSelector one() {
    return new One();
  }

  /**
   * Returns a selector of the LUNs holding a VM's files.
   *
   * @param vm the VM
   * @return the selector
   */
  static LunSelector ofVm(VmId vm) {
    return new OfVm(vm);
  }

  /**
   * Returns a selector of the witness disk.
   *
   * @return the selector
   */
  static LunSelector witness() {
    return new Witness();
  }

  /**
   * Returns a selector of every Cluster Shared Volume.
   *
   * @return the selector
   */
  static LunSelector csv() {
    return new Csv();
  }

  /**
   * Returns a selector of exactly the named LUNs.
   *
   * @param luns the LUN names, at least one
   * @return the selector
   */
  static LunSelector explicit(String... luns) {
    return new Explicit(Stream.of(luns).map(LunId::of).collect(Collectors.toList()));
  }

  /**
   * Reads a selector from its text form.
   *
   * @param text for example {@code "one"} or {@code "of-vm(web1)"}
   * @return the selector
   * @throws IllegalArgumentException when the text is not a LUN selector
   */
  static LunSelector parse(String text) {
    SelectorText t = SelectorText.parse("LUN", text);
    switch (t.name()) {
      case "one": t.noArgs("LUN"); return one();
      case "witness": t.noArgs("LUN"); return witness();
      case "csv": t.noArgs("LUN"); return csv();
      case "of-vm": {
        List<String> args = t.someArgs("LUN");
        if (args.size() != 1) {
          throw new IllegalArgumentException("LUN selector of-vm takes exactly one VM, not " + args);
        }
        return ofVm(VmId.of(args.get(0)));
      }
      case "explicit":
        return new Explicit(t.someArgs("LUN").stream().map(LunId::of).collect(Collectors.toList()));
      default:
        throw new IllegalArgumentException("unknown LUN selector '" + t.name()
            + "'; use one, of-vm(vm), witness, csv or explicit(lun,...)");
    }
  }

  private static List<LunId> ids(Cluster cluster) {
    return cluster.storage().luns().stream().map(Lun::id).collect(Collectors.toList());
  }

  /**
   * One random data LUN.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record One() implements LunSelector {
    /** {@inheritDoc} */
    @Override
    public List<LunId> resolve(Cluster cluster, RandomGenerator random) {
      List<LunId> data = cluster.storage().luns().stream().filter(l -> !l.spec().witness()).map(Lun::id)
          .collect(Collectors.toList());
      return Picks.one(data, random);
    }

    /** {@inheritDoc} */
    @Override
    public Stream<LunSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "one"}. */
    @Override
    public String toString() {
      return "one";
    }
  }

  /**
   * The LUNs holding a VM's files.
   *
   * @param vm the VM
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record OfVm(VmId vm) implements LunSelector {
    /**
     * Creates the selector.
     *
     * @param vm the VM
     */
    public OfVm {
      java.util.Objects.requireNonNull(vm, "vm");
    }

    /** {@inheritDoc} */
    @Override
    public List<LunId> resolve(Cluster cluster, RandomGenerator random) {
      VirtualMachine found = cluster.vms().stream().filter(v -> v.id().equals(vm)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("selector " + this + " names VM '" + vm
              + "' which cluster '" + cluster.name() + "' does not have"));
      return List.copyOf(found.spec().luns());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<LunSelector> narrower() {
      return Stream.empty();
    }

    /** Returns for example {@code "of-vm(web1)"}. */
    @Override
    public String toString() {
      return SelectorText.format("of-vm", List.of(vm));
    }
  }

  /**
   * The witness disk.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Witness() implements LunSelector {
    /** {@inheritDoc} */
    @Override
    public List<LunId> resolve(Cluster cluster, RandomGenerator random) {
      return cluster.storage().witness().map(l -> List.of(l.id())).orElse(List.of());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<LunSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "witness"}. */
    @Override
    public String toString() {
      return "witness";
    }
  }

  /**
   * Every Cluster Shared Volume.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Csv() implements LunSelector {
    /** {@inheritDoc} */
    @Override
    public List<LunId> resolve(Cluster cluster, RandomGenerator random) {
      return cluster.storage().luns().stream().filter(l -> l.spec().csv()).map(Lun::id)
          .collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<LunSelector> narrower() {
      return Stream.empty();
    }

    /** Returns {@code "csv"}. */
    @Override
    public String toString() {
      return "csv";
    }
  }

  /**
   * Exactly the given LUNs.
   *
   * @param luns the LUNs, at least one, each once
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Explicit(List<LunId> luns) implements LunSelector {
    /**
     * Creates the selector after checking it.
     *
     * @param luns the LUNs, at least one, each once
     * @throws IllegalArgumentException when the list is empty or names a LUN twice
     */
    public Explicit {
      luns = List.copyOf(luns);
      if (luns.isEmpty()) {
        throw new IllegalArgumentException("explicit LUN selector needs at least one LUN");
      }
      if (Set.copyOf(luns).size() != luns.size()) {
        throw new IllegalArgumentException("explicit LUN selector names a LUN twice: " + luns);
      }
    }

    /** {@inheritDoc} */
    @Override
    public List<LunId> resolve(Cluster cluster, RandomGenerator random) {
      List<LunId> known = ids(cluster);
      for (LunId lun : luns) {
        if (!known.contains(lun)) {
          throw new IllegalArgumentException("selector " + this + " names LUN '" + lun + "' which cluster '"
              + cluster.name() + "' does not have; LUNs: " + known);
        }
      }
      return known.stream().filter(luns::contains).collect(Collectors.toUnmodifiableList());
    }

    /** {@inheritDoc} */
    @Override
    public Stream<LunSelector> narrower() {
      return Picks.dropEach(luns).stream().map(Explicit::new);
    }

    /** Returns for example {@code "explicit(lun1,lun2)"}. */
    @Override
    public String toString() {
      return SelectorText.format("explicit", luns);
    }
  }
}
