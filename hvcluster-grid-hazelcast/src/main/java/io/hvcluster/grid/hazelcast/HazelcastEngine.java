package io.hvcluster.grid.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.hvcluster.campaign.spi.BatchOutcome;
import io.hvcluster.campaign.spi.BatchRequest;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.GridOptions;
import io.hvcluster.campaign.spi.ResultStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A campaign engine on a Hazelcast grid: this JVM is a member of the grid (it stores results and runs
 * batches like the others) and coordinates the campaign. Each batch goes to the member with the fewest
 * batches in flight per worker thread, through the grid's executor service; the member stores each result
 * in the campaign's {@code IMap} (one synchronous backup) with put-if-absent. When a member dies, its
 * batches' futures fail with {@code MemberLeftException} and the campaign submits them again; results it had
 * stored survive in their backups.
 *
 * <p>Thread-safe. Close it to leave the grid (the grid keeps the results while other members remain).
 * Example:
 *
 * <pre>{@code
 * GridOptions options = GridOptions.defaults().withPort(5701).withMembers(List.of("10.0.0.2:5701"));
 * try (HazelcastEngine grid = HazelcastEngine.start(options)) {
 *   CampaignSummary s = Campaign.of(TortureWork.of(4, 20, 4)).seed(1).runs(1_000_000).build().run(grid);
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HazelcastEngine implements CampaignEngine {
  private final HazelcastInstance hazelcast;
  private final boolean owned;
  private final IExecutorService executor;
  private final Map<UUID, AtomicInteger> load = new ConcurrentHashMap<>();

  private HazelcastEngine(HazelcastInstance hazelcast, boolean owned) {
    this.hazelcast = hazelcast;
    this.owned = owned;
    this.executor = hazelcast.getExecutorService(GridConfig.EXECUTOR);
  }

  /**
   * Starts a member in this JVM that joins the members given and coordinates campaigns.
   *
   * @param options where to bind and whom to join
   * @return the engine; close it to leave the grid
   */
  public static HazelcastEngine start(GridOptions options) {
    return new HazelcastEngine(Hazelcast.newHazelcastInstance(config(options)), true);
  }

  /**
   * Returns an engine on a member this application started itself from {@link #config(GridOptions)} (or a
   * configuration with the same executor and map settings); closing the engine leaves the member running.
   *
   * @param member the member
   * @return the engine
   */
  public static HazelcastEngine on(HazelcastInstance member) {
    return new HazelcastEngine(Objects.requireNonNull(member, "member"), false);
  }

  /**
   * Returns the configuration of a campaign grid member: TCP/IP join to the members given, bound to the
   * address given, multicast, auto-detection and phone-home off, the campaign executor and maps.
   *
   * @param options where to bind and whom to join
   * @return a new configuration, which the caller may adjust
   */
  public static Config config(GridOptions options) {
    return GridConfig.of(options);
  }

  /**
   * Returns the member this engine runs on.
   *
   * @return the member
   */
  public HazelcastInstance instance() {
    return hazelcast;
  }

  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public List<String> members() {
    List<String> out = new ArrayList<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      out.add(m.getAddress().getHost() + ":" + m.getAddress().getPort() + " (" + threads(m) + (threads(m) == 1 ? " thread" : " threads")
          + (m.localMember() ? ", coordinator" : "") + ")");
    }
    return out;
  }

  @Override
  public int parallelism() {
    int sum = 0;
    for (Member m : hazelcast.getCluster().getMembers()) {
      sum += m.isLiteMember() ? 0 : threads(m);
    }
    return Math.max(1, sum);
  }

  @Override
  public ResultStore store(String campaignId) {
    return new MapStore(hazelcast.getMap(GridConfig.MAP_PREFIX + campaignId));
  }

  @Override
  public CompletableFuture<BatchOutcome> submit(BatchRequest batch) {
    Member target = leastLoaded();
    AtomicInteger inFlight = load.computeIfAbsent(target.getUuid(), id -> new AtomicInteger());
    inFlight.incrementAndGet();
    CompletableFuture<BatchOutcome> result = new CompletableFuture<>();
    executor.submitToMember(new BatchTask(batch), target, new ExecutionCallback<BatchOutcome>() {
      @Override
      public void onResponse(BatchOutcome outcome) {
        inFlight.decrementAndGet();
        result.complete(outcome);
      }

      @Override
      public void onFailure(Throwable t) {
        inFlight.decrementAndGet();
        result.completeExceptionally(t);
      }
    });
    return result;
  }

  private Member leastLoaded() {
    Member best = null;
    double bestLoad = Double.MAX_VALUE;
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (m.isLiteMember()) {
        continue;
      }
      AtomicInteger n = load.get(m.getUuid());
      double l = (n == null ? 0 : n.get()) / (double) threads(m);
      if (l < bestLoad) {
        best = m;
        bestLoad = l;
      }
    }
    if (best == null) {
      throw new IllegalStateException("the grid has no data member to run batches");
    }
    return best;
  }

  private static int threads(Member m) {
    String t = m.getAttribute(GridConfig.THREADS_ATTRIBUTE);
    try {
      return t == null ? 1 : Math.max(1, Integer.parseInt(t));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @Override
  public void close() {
    if (owned) {
      hazelcast.shutdown();
    }
  }
}
