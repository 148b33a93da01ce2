package io.hvcluster.core.cluster.model;

import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.spec.StorageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The shared storage of one cluster: its LUNs in configuration order.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimStorage implements SharedStorage {
  private final ClusterModel cluster;
  private final StorageSpec spec;
  private final Map<LunId, SimLun> luns = new LinkedHashMap<>();
  /** The Cluster Shared Volumes, in configuration order. */
  private final List<SimLun> sharedVolumes;

  SimStorage(ClusterModel cluster, StorageSpec spec) {
    this.cluster = cluster;
    this.spec = spec;
    List<SimLun> volumes = new ArrayList<>();
    for (var l : spec.luns()) {
      SimLun lun = new SimLun(cluster, l);
      luns.put(l.id(), lun);
      if (l.csv()) {
        volumes.add(lun);
      }
    }
    this.sharedVolumes = List.copyOf(volumes);
  }

  /** Returns the Cluster Shared Volumes, in configuration order (immutable). */
  public List<SimLun> sharedVolumes() {
    return sharedVolumes;
  }

  /**
   * Returns the LUN named {@code id}.
   *
   * @throws NoSuchEntityException when the storage has no such LUN
   */
  public SimLun get(LunId id) {
    SimLun lun = luns.get(id);
    if (lun == null) {
      throw new NoSuchEntityException("LUN", id.name(), luns.keySet());
    }
    return lun;
  }

  @Override
  public StorageSpec spec() {
    return spec;
  }

  @Override
  public List<Lun> luns() {
    cluster.guard();
    return new ArrayList<>(luns.values());
  }

  @Override
  public Lun lun(LunId id) {
    cluster.guard();
    return get(id);
  }

  @Override
  public Optional<Lun> witness() {
    cluster.guard();
    return luns.values().stream().filter(l -> l.spec().witness()).map(l -> (Lun) l).findFirst();
  }
}
