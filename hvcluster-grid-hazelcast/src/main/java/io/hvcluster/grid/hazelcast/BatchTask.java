package io.hvcluster.grid.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import io.hvcluster.campaign.spi.BatchOutcome;
import io.hvcluster.campaign.spi.BatchRequest;
import io.hvcluster.campaign.spi.Batches;
import java.io.Serializable;
import java.util.concurrent.Callable;

/** A batch sent to a member's executor: runs it there and stores each result into the campaign's map. */
final class BatchTask implements Callable<BatchOutcome>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final BatchRequest batch;
  private transient HazelcastInstance hazelcast;

  BatchTask(BatchRequest batch) {
    this.batch = batch;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance instance) {
    this.hazelcast = instance;
  }

  @Override
  public BatchOutcome call() {
    IMap<String, byte[]> results = hazelcast.getMap(GridConfig.MAP_PREFIX + batch.campaignId());
    return Batches.run(batch, new MapStore(results));
  }
}
