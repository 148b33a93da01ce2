package io.hvcluster.campaign;

import io.hvcluster.campaign.spi.BatchOutcome;
import io.hvcluster.campaign.spi.BatchRequest;
import io.hvcluster.campaign.spi.Batches;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.ResultStore;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apiguardian.api.API;

/**
 * The embedded engine: a fixed pool of daemon threads in this JVM (one per processor by default), with
 * each campaign's results in memory for as long as the engine lives, so a campaign run again on the same
 * engine resumes where it stopped.
 *
 * <p>Thread-safe. Close it to stop its threads. Example:
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.withThreads(4)) {
 *   CampaignSummary s = Campaign.of(TortureWork.of(4, 20, 4)).seed(1).runs(10_000).build().run(engine);
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LocalEngine implements CampaignEngine {
  private final int threads;
  private final ExecutorService pool;
  private final Map<String, MemoryStore> stores = new ConcurrentHashMap<>();

  private LocalEngine(int threads) {
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "hvcluster-campaign");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Returns an engine with one thread per processor.
   *
   * @return the engine
   */
  public static LocalEngine create() {
    return withThreads(Math.min(256, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Returns an engine with the given number of threads.
   *
   * @param threads 1 to 256
   * @return the engine
   * @throws IllegalArgumentException when out of range
   */
  public static LocalEngine withThreads(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads is " + threads + "; allowed: 1 to 256");
    }
    return new LocalEngine(threads);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public List<String> members() {
    return List.of("local (" + threads + " thread" + (threads == 1 ? "" : "s") + ")");
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public ResultStore store(String campaignId) {
    return stores.computeIfAbsent(campaignId, id -> new MemoryStore());
  }

  @Override
  public CompletableFuture<BatchOutcome> submit(BatchRequest batch) {
    ResultStore store = store(batch.campaignId());
    try {
      return CompletableFuture.supplyAsync(() -> Batches.run(batch, store), pool);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the local engine is closed", e));
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** A campaign's results in a concurrent map. */
  private static final class MemoryStore implements ResultStore {
    private final ConcurrentHashMap<Integer, byte[]> results = new ConcurrentHashMap<>();

    @Override
    public BitSet stored(int runs) {
      BitSet s = new BitSet(runs);
      for (Integer i : results.keySet()) {
        if (i < runs) {
          s.set(i);
        }
      }
      return s;
    }

    @Override
    public Map<Integer, byte[]> getAll(Collection<Integer> indices) {
      Map<Integer, byte[]> out = new HashMap<>();
      for (Integer i : indices) {
        byte[] r = results.get(i);
        if (r != null) {
          out.put(i, r);
        }
      }
      return out;
    }

    @Override
    public Map<Integer, byte[]> putAllIfAbsent(Map<Integer, byte[]> records) {
      Map<Integer, byte[]> before = new HashMap<>();
      records.forEach((index, record) -> {
        byte[] b = results.putIfAbsent(index, record);
        if (b != null) {
          before.put(index, b);
        }
      });
      return before;
    }

    @Override
    public void clear() {
      results.clear();
    }
  }
}
