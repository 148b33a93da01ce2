package io.hvcluster.campaign;

import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.testkit.property.Seeds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A campaign: a work, a master seed and a number of runs, run on an engine. Run {@code i} has seed
 * {@code Seeds.forTry(seed, i)}, so its result does not depend on where or when it ran; results are stored
 * under their index (put-if-absent), streamed to a sink in whatever order they finish, and folded into a
 * {@link CampaignSummary} in index order, whose digest is the same on every engine.
 *
 * <p>Runs go to the engine in batches ({@link Builder#batchSize}, 128 by default) so that a grid's
 * per-task overhead is paid once per batch. A batch whose member dies is submitted again (at-least-once);
 * a run that gives a different result the second time is reported as a {@link DeterminismBug}. A campaign
 * run again with the same work, seed and engine store skips the runs already stored (resume).
 *
 * <p>A campaign is immutable; {@link #run} may be called from any one thread at a time, and calls the
 * sink, the ordered listener and the progress listener on that thread. Example:
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.create()) {
 *   CampaignSummary s = Campaign.of(TortureWork.of(4, 20, 4)).seed(1).runs(100_000)
 *       .sink(r -> { if (!r.passed()) System.out.println(r); }).build().run(engine);
 *   System.out.println(s.failed() + " of " + s.runs() + " failed, digest " + s.digest());
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Campaign {
  /** How many failed runs a summary lists. */
  public static final int FAILURES_KEPT = 20;

  private final CampaignWork work;
  private final long seed;
  private final int runs;
  private final int batchSize;
  private final int maxAttempts;
  private final String id;
  private final Consumer<RunRecord> sink;
  private final Consumer<RunRecord> inOrder;
  private final Progress progress;

  private Campaign(Builder b) {
    this.work = b.work;
    this.seed = b.seed;
    this.runs = b.runs;
    this.batchSize = b.batchSize;
    this.maxAttempts = b.maxAttempts;
    this.id = b.id != null ? b.id : defaultId(b.work, b.seed);
    this.sink = b.sink;
    this.inOrder = b.inOrder;
    this.progress = b.progress;
  }

  /**
   * Returns a builder for a campaign of this work: seed 0, 1,000 runs, batches of 128.
   *
   * @param work what each run does
   * @return the builder
   */
  public static Builder of(CampaignWork work) {
    return new Builder(Objects.requireNonNull(work, "work"));
  }

  /**
   * Runs the campaign on an engine and returns its summary. Results stored before (a campaign of the same
   * id on the same engine's store) are kept and not run again.
   *
   * @param engine the engine
   * @return the summary, in index order
   * @throws CampaignException when a batch fails on every attempt or the sink throws; results stored so far
   *     stay stored
   */
  public CampaignSummary run(CampaignEngine engine) {
    return new Coordinator(this, engine).run();
  }

  /**
   * Returns the id of a campaign's result store by default: a hash of the work's key and the seed, so a
   * restarted coordinator finds its results, and a longer campaign of the same work and seed reuses them.
   *
   * @param work the work
   * @param seed the master seed
   * @return for example {@code "hvc-3f9a0c1e2b4d5a6f"}
   */
  public static String defaultId(CampaignWork work, long seed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest((work.key() + "\n" + Seeds.format(seed)).getBytes(StandardCharsets.UTF_8));
      return "hvc-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  CampaignWork work() {
    return work;
  }

  long seed() {
    return seed;
  }

  int runs() {
    return runs;
  }

  int batchSize() {
    return batchSize;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the id of the campaign's result store.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  Consumer<RunRecord> sink() {
    return sink;
  }

  Consumer<RunRecord> inOrder() {
    return inOrder;
  }

  Progress progress() {
    return progress;
  }

  /**
   * Hears how many runs have finished, after each batch: the hook for a progress bar.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  @FunctionalInterface
  public interface Progress {
    /** A listener that ignores everything. */
    Progress NONE = (done, total) -> {};

    /**
     * Receives the progress.
     *
     * @param done runs with a stored result, resumed ones included
     * @param total the campaign's runs
     */
    void update(int done, int total);
  }

  /**
   * Configures a {@link Campaign}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final CampaignWork work;
    private long seed;
    private int runs = 1000;
    private int batchSize = 128;
    private int maxAttempts = 5;
    private String id;
    private Consumer<RunRecord> sink = r -> {};
    private Consumer<RunRecord> inOrder = r -> {};
    private Progress progress = Progress.NONE;

    private Builder(CampaignWork work) {
      this.work = work;
    }

    /**
     * Sets the master seed; run {@code i} uses {@code Seeds.forTry(seed, i)} (run 0 the seed itself).
     *
     * @param masterSeed the seed
     * @return this
     */
    public Builder seed(long masterSeed) {
      this.seed = masterSeed;
      return this;
    }

    /**
     * Sets the number of runs.
     *
     * @param n 1 to {@link Integer#MAX_VALUE}
     * @return this
     * @throws IllegalArgumentException when less than 1
     */
    public Builder runs(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("runs is " + n + "; a campaign has at least 1 run");
      }
      this.runs = n;
      return this;
    }

    /**
     * Sets how many runs go to the engine as one task.
     *
     * @param n 1 to 100,000; about 100 or more keeps a grid's overhead small
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder batchSize(int n) {
      if (n < 1 || n > 100_000) {
        throw new IllegalArgumentException("batch size is " + n + "; allowed: 1 to 100000");
      }
      this.batchSize = n;
      return this;
    }

    /**
     * Sets how often a batch is submitted before the campaign gives up on it.
     *
     * @param n 1 to 100
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxAttempts(int n) {
      if (n < 1 || n > 100) {
        throw new IllegalArgumentException("max attempts is " + n + "; allowed: 1 to 100");
      }
      this.maxAttempts = n;
      return this;
    }

    /**
     * Sets the id of the campaign's result store, instead of the one derived from the work and seed.
     *
     * @param storeId 1 to 100 letters, digits, dots, dashes or underscores
     * @return this
     * @throws IllegalArgumentException when malformed
     */
    public Builder id(String storeId) {
      if (storeId == null || !storeId.matches("[A-Za-z0-9._-]{1,100}")) {
        throw new IllegalArgumentException("campaign id '" + storeId + "' is not allowed; use 1 to 100 letters,"
            + " digits, '.', '-' or '_'");
      }
      this.id = storeId;
      return this;
    }

    /**
     * Sets the sink that receives each result computed by this run of the campaign, once, in whatever order
     * results finish (resumed results are not sent again; the ordered listener sees them all).
     *
     * @param newSink the sink
     * @return this
     */
    public Builder sink(Consumer<RunRecord> newSink) {
      this.sink = Objects.requireNonNull(newSink, "sink");
      return this;
    }

    /**
     * Sets a listener that receives every run's result in index order while the summary is folded.
     *
     * @param listener the listener
     * @return this
     */
    public Builder inOrder(Consumer<RunRecord> listener) {
      this.inOrder = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param listener the listener
     * @return this
     */
    public Builder progress(Progress listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the campaign.
     *
     * @return the campaign
     */
    public Campaign build() {
      return new Campaign(this);
    }
  }
}
