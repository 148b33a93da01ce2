package io.hvcluster.grid.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import java.util.concurrent.CountDownLatch;

/** A member that only works: it runs batches and keeps results for the coordinators of the grid. */
final class HazelcastMember implements CampaignEngineProvider.GridMember {
  private final HazelcastInstance hazelcast;
  private final String address;
  private final CountDownLatch gone = new CountDownLatch(1);

  HazelcastMember(GridOptions options) {
    this.hazelcast = Hazelcast.newHazelcastInstance(GridConfig.of(options));
    this.address = options.bind() + ":" + options.port();
    hazelcast.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
        gone.countDown();
      }
    });
    if (!hazelcast.getLifecycleService().isRunning()) {
      gone.countDown();
    }
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public int gridSize() {
    return hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0;
  }

  @Override
  public void awaitShutdown() throws InterruptedException {
    gone.await();
  }

  @Override
  public void close() {
    hazelcast.shutdown();
    gone.countDown();
  }
}
