package io.hvcluster.testkit.gen;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Edition;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.testkit.property.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Generators of valid cluster topologies: 2 to 16 nodes of Enterprise or Datacenter, full or Server
 * Core, a quorum model with its witness, iSCSI, Fibre Channel or SAS storage, and a VM set in one of
 * the {@link StorageLayout}s. Every generated {@link ClusterSpec} passes the spec's own validation.
 * Node and VM counts shrink toward their minimums; the first choices of each list are the simplest.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * Gen<ClusterSpec> specs = Topologies.builder().nodes(3, 5).vms(2, 10)
 *     .quorum(QuorumModel.NODE_AND_DISK_MAJORITY).layouts(StorageLayout.LUN_PER_VM).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Topologies {
  private Topologies() {}

  /**
   * Returns the default generator: 2 to 6 nodes, 0 to 12 VMs, every quorum model, layout and storage
   * type.
   *
   * @return the generator
   */
  public static Gen<ClusterSpec> defaults() {
    return builder().build();
  }

  /**
   * Returns a builder with the defaults of {@link #defaults()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Configures a topology generator; not thread-safe, but the generators it builds are.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private int minNodes = 2;
    private int maxNodes = 6;
    private int minVms = 0;
    private int maxVms = 12;
    private List<QuorumModel> quorums = List.of(QuorumModel.NODE_AND_DISK_MAJORITY, QuorumModel.NODE_MAJORITY,
        QuorumModel.NODE_AND_FILE_SHARE_MAJORITY, QuorumModel.DISK_ONLY);
    private List<StorageLayout> layouts = List.of(StorageLayout.values());
    private List<StorageType> storage = List.of(StorageType.ISCSI, StorageType.FC, StorageType.SAS);
    private List<Long> hostMemoryGiB = List.of(32L, 16L, 64L);
    private long maxWorkingSetMiB = Long.MAX_VALUE;

    private Builder() {}

    /**
     * Caps how much memory generated guests write, in MiB (by default up to half their memory); small
     * working sets keep simulated migrations, saves and restores cheap.
     *
     * @param mib the cap, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when the cap is negative
     */
    public Builder maxWorkingSetMiB(long mib) {
      if (mib < 0) {
        throw new IllegalArgumentException("working set cap is " + mib + " MiB; it must be 0 or more");
      }
      this.maxWorkingSetMiB = mib;
      return this;
    }

    /**
     * Sets the node memory sizes to choose from, in GiB; the first is the simplest. By default 32, 16
     * or 64 GiB.
     *
     * @param gib the sizes, at least one
     * @return this builder
     */
    public Builder hostMemoryGiB(Long... gib) {
      this.hostMemoryGiB = nonEmpty("host memory sizes", List.of(gib));
      return this;
    }

    /**
     * Sets the node count range, within 2 to 16.
     *
     * @param min the fewest nodes
     * @param max the most nodes
     * @return this builder
     * @throws IllegalArgumentException when the range is empty or outside 2 to 16
     */
    public Builder nodes(int min, int max) {
      if (min < ClusterSpec.MIN_NODES || max > ClusterSpec.MAX_NODES || min > max) {
        throw new IllegalArgumentException("node range [" + min + ", " + max + "] must lie within "
            + ClusterSpec.MIN_NODES + " to " + ClusterSpec.MAX_NODES);
      }
      this.minNodes = min;
      this.maxNodes = max;
      return this;
    }

    /**
     * Sets the VM count range.
     *
     * @param min the fewest VMs, 0 or more
     * @param max the most VMs
     * @return this builder
     * @throws IllegalArgumentException when the range is invalid
     */
    public Builder vms(int min, int max) {
      if (min < 0 || min > max) {
        throw new IllegalArgumentException("VM range [" + min + ", " + max + "] is invalid");
      }
      this.minVms = min;
      this.maxVms = max;
      return this;
    }

    /**
     * Sets the quorum models to choose from; the first is the simplest.
     *
     * @param models the models, at least one
     * @return this builder
     */
    public Builder quorum(QuorumModel... models) {
      this.quorums = nonEmpty("quorum models", List.of(models));
      return this;
    }

    /**
     * Sets the storage layouts to choose from; the first is the simplest.
     *
     * @param choices the layouts, at least one
     * @return this builder
     */
    public Builder layouts(StorageLayout... choices) {
      this.layouts = nonEmpty("storage layouts", List.of(choices));
      return this;
    }

    /**
     * Sets the storage types to choose from; the first is the simplest.
     *
     * @param types the types, at least one
     * @return this builder
     */
    public Builder storage(StorageType... types) {
      this.storage = nonEmpty("storage types", List.of(types));
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public Gen<ClusterSpec> build() {
      int minV = minVms;
      int maxV = maxVms;
      List<QuorumModel> q = quorums;
      List<StorageLayout> l = layouts;
      List<StorageType> s = storage;
      long workingSet = maxWorkingSetMiB;
      Gen<HostShape> hostShape = Gen.zip(Gen.elements(hostMemoryGiB), Gen.zip(Gen.elements(Installation.FULL,
          Installation.SERVER_CORE), Gen.elements(Edition.ENTERPRISE, Edition.DATACENTER), HostShape::partial),
          (gib, partial) -> new HostShape(gib, partial.installation, partial.edition));
      return Gen.integers(minNodes, maxNodes).flatMap(n -> Gen.lists(hostShape, n, n).flatMap(shapes ->
          Gen.elements(q).flatMap(quorum -> Gen.elements(l).flatMap(layout -> Gen.elements(s).flatMap(type -> {
            List<HostSpec> hosts = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
              HostShape h = shapes.get(i);
              hosts.add(HostSpec.builder("node" + (i + 1)).memoryGiB(h.memoryGiB).installation(h.installation)
                  .edition(h.edition).build());
            }
            List<HostId> ids = hosts.stream().map(HostSpec::id).collect(Collectors.toList());
            return VmSets.generator(ids, layout, minV, maxV, workingSet).map(vms -> spec(quorum, type, hosts, vms));
          })))));
    }

    private static <T> List<T> nonEmpty(String what, List<T> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      values.forEach(v -> Objects.requireNonNull(v, what));
      return values;
    }
  }

  private static ClusterSpec spec(QuorumModel quorum, StorageType type, List<HostSpec> hosts, VmSet vms) {
    List<LunSpec> luns = new ArrayList<>();
    if (quorum.usesWitnessDisk()) {
      luns.add(LunSpec.witness("witness"));
    }
    luns.addAll(vms.luns());
    StorageSpec storage = new StorageSpec(type, true, 2, luns);
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(quorum).storage(storage);
    hosts.forEach(b::host);
    vms.vms().forEach(b::vm);
    return b.build();
  }

  private static final class HostShape {
    private final long memoryGiB;
    private final Installation installation;
    private final Edition edition;

    HostShape(long memoryGiB, Installation installation, Edition edition) {
      this.memoryGiB = memoryGiB;
      this.installation = installation;
      this.edition = edition;
    }

    static HostShape partial(Installation installation, Edition edition) {
      return new HostShape(0, installation, edition);
    }
  }
}
