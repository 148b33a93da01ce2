/**
 * Campaigns: many generated runs (torture scenarios, fleet what-if points, or a user's own run) with a
 * master seed and a count, split into batches and run on a {@link io.hvcluster.campaign.spi.CampaignEngine}.
 * Run {@code i}'s seed is a pure function of the master seed and {@code i}, results are keyed by run index,
 * and the campaign's digest (over the results in index order) is the same on every engine. The local
 * engine is a thread pool; grid engines come from optional modules through
 * {@link io.hvcluster.campaign.spi.CampaignEngineProvider}.
 */
@SuppressWarnings("module")
module io.hvcluster.campaign {
  requires static transitive org.apiguardian.api;
  requires transitive io.hvcluster.testkit;

  exports io.hvcluster.campaign;
  exports io.hvcluster.campaign.spi;

  uses io.hvcluster.campaign.spi.CampaignEngineProvider;
}
