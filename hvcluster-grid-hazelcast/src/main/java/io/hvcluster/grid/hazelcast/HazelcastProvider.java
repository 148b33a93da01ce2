package io.hvcluster.grid.hazelcast;

import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import org.apiguardian.api.API;

/**
 * Makes the Hazelcast engine available as {@code --engine hazelcast}, through {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HazelcastProvider implements CampaignEngineProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public HazelcastProvider() {}

  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public CampaignEngine engine(GridOptions options) {
    return HazelcastEngine.start(options);
  }

  @Override
  public GridMember member(GridOptions options) {
    return new HazelcastMember(options);
  }
}
