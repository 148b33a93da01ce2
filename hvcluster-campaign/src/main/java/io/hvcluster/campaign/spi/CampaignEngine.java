package io.hvcluster.campaign.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Runs a campaign's batches somewhere: on local threads, or on the members of a grid. An engine gives
 * at-least-once execution: a batch whose future fails (a member died) is submitted again by the
 * campaign, and the engine's workers run it with {@link Batches#run}, which stores each result under its
 * run index only if none is stored yet, so a result is never lost or counted twice.
 *
 * <p>Implementations must be thread-safe: the campaign submits from one thread, futures complete on the
 * engine's threads.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface CampaignEngine extends AutoCloseable {
  /**
   * Returns the engine's name, for example {@code "local"} or {@code "hazelcast"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns who does the work, for a report: for example {@code ["local (8 threads)"]} or the members'
   * addresses.
   *
   * @return one line per worker or member
   */
  List<String> members();

  /**
   * Returns how many batches can run at once; the campaign keeps about twice that many in flight.
   *
   * @return 1 or more
   */
  int parallelism();

  /**
   * Returns the result store of a campaign, created empty the first time.
   *
   * @param campaignId the campaign's id
   * @return its store
   */
  ResultStore store(String campaignId);

  /**
   * Runs a batch at least once, somewhere.
   *
   * @param batch the batch
   * @return its outcome, or a failure when it did not run to the end (the campaign retries it)
   */
  CompletableFuture<BatchOutcome> submit(BatchRequest batch);

  /** Stops the engine's own threads or grid member; a store outlives it only on a grid with other members. */
  @Override
  void close();
}
