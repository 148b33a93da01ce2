package io.hvcluster.campaign;

import io.hvcluster.campaign.spi.BatchOutcome;
import io.hvcluster.campaign.spi.BatchRequest;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.ResultStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs one campaign: finds what is stored, submits the missing runs in batches with a bounded window,
 * resubmits a batch that failed, streams results to the sink, then folds the stored results in index order
 * into the summary. Confined to the thread that calls {@link #run}; futures only put into a queue.
 */
final class Coordinator {
  /** How many results the summary fold reads from the store at a time. */
  private static final int READ_CHUNK = 1024;

  private final Campaign campaign;
  private final CampaignEngine engine;
  private final ResultStore store;
  private final LinkedBlockingQueue<Done> finished = new LinkedBlockingQueue<>();
  private final Map<BatchRequest, Integer> attempts = new IdentityHashMap<>();
  private final List<CompletableFuture<BatchOutcome>> inFlight = new ArrayList<>();
  private final List<DeterminismBug> bugs = new ArrayList<>();
  private BitSet known;
  private int done;
  private long executed;
  private int retried;

  Coordinator(Campaign campaign, CampaignEngine engine) {
    this.campaign = campaign;
    this.engine = engine;
    this.store = engine.store(campaign.id());
  }

  /** One batch that finished, well or not. */
  private record Done(BatchRequest batch, CompletableFuture<BatchOutcome> future, BatchOutcome outcome,
      Throwable failure) {}

  CampaignSummary run() {
    int runs = campaign.runs();
    known = store.stored(runs);
    int resumed = known.cardinality();
    done = resumed;
    Deque<BatchRequest> pending = batches(runs);
    campaign.progress().update(done, runs);
    int window = Math.max(2, engine.parallelism() * 2);
    int running = 0;
    try {
      while (!pending.isEmpty() || running > 0) {
        while (!pending.isEmpty() && running < window) {
          submit(pending.poll());
          running++;
        }
        Done d = take();
        running--;
        inFlight.remove(d.future);
        if (d.failure != null) {
          retry(d, pending);
        } else {
          accept(d.batch, d.outcome);
        }
      }
    } catch (RuntimeException | Error e) {
      inFlight.forEach(f -> f.cancel(true));
      throw e instanceof CampaignException c ? c
          : new CampaignException("campaign " + campaign.id() + " stopped after " + done + " of " + runs
              + " runs: " + e, e);
    }
    return fold(resumed);
  }

  private Deque<BatchRequest> batches(int runs) {
    Deque<BatchRequest> pending = new ArrayDeque<>();
    int[] chunk = new int[campaign.batchSize()];
    int n = 0;
    for (int i = known.nextClearBit(0); i < runs; i = known.nextClearBit(i + 1)) {
      chunk[n++] = i;
      if (n == chunk.length) {
        pending.add(request(chunk, n));
        n = 0;
      }
    }
    if (n > 0) {
      pending.add(request(chunk, n));
    }
    return pending;
  }

  private BatchRequest request(int[] chunk, int n) {
    return new BatchRequest(campaign.id(), campaign.work(), campaign.seed(), java.util.Arrays.copyOf(chunk, n));
  }

  private void submit(BatchRequest batch) {
    CompletableFuture<BatchOutcome> f;
    try {
      f = engine.submit(batch);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<BatchOutcome> future = f;
    inFlight.add(future);
    future.whenComplete((outcome, failure) -> finished.add(new Done(batch, future, outcome, failure)));
  }

  private Done take() {
    try {
      return finished.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CampaignException("interrupted while waiting for batches of campaign " + campaign.id(), e);
    }
  }

  private void retry(Done d, Deque<BatchRequest> pending) {
    int tries = attempts.merge(d.batch, 1, Integer::sum);
    if (tries >= campaign.maxAttempts()) {
      throw new CampaignException(d.batch + " failed " + tries + " times; last: " + d.failure, d.failure);
    }
    retried++;
    pending.addFirst(d.batch);
  }

  private void accept(BatchRequest batch, BatchOutcome outcome) {
    executed += batch.size();
    for (BatchOutcome.Conflict c : outcome.conflicts()) {
      RunRecord first = RunRecord.decode(c.stored());
      bugs.add(new DeterminismBug(c.index(), first.seed(), first, RunRecord.decode(c.second())));
    }
    for (byte[] bytes : outcome.records()) {
      RunRecord r = RunRecord.decode(bytes);
      if (!known.get(r.index())) {
        known.set(r.index());
        done++;
        campaign.sink().accept(r);
      }
    }
    campaign.progress().update(done, campaign.runs());
  }

  private CampaignSummary fold(int resumed) {
    MessageDigest sha = sha256();
    int runs = campaign.runs();
    int failed = 0;
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    List<FailedRun> failures = new ArrayList<>();
    byte[] length = new byte[4];
    for (int start = 0; start < runs; start += READ_CHUNK) {
      int end = (int) Math.min(runs, (long) start + READ_CHUNK);
      List<Integer> indices = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        indices.add(i);
      }
      Map<Integer, byte[]> chunk = store.getAll(indices);
      for (int i = start; i < end; i++) {
        byte[] bytes = chunk.get(i);
        if (bytes == null) {
          throw new CampaignException("run " + i + " of campaign " + campaign.id() + " has no stored result after"
              + " every batch finished; the store lost it (a grid that lost a member and its backup)", null);
        }
        length[0] = (byte) (bytes.length >>> 24);
        length[1] = (byte) (bytes.length >>> 16);
        length[2] = (byte) (bytes.length >>> 8);
        length[3] = (byte) bytes.length;
        sha.update(length);
        sha.update(bytes);
        RunRecord r = RunRecord.decode(bytes);
        r.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
        if (!r.passed()) {
          failed++;
          byKind.merge(kind(r.failure()), 1, Integer::sum);
          if (failures.size() < Campaign.FAILURES_KEPT) {
            failures.add(new FailedRun(i, r.seed(), r.label(), r.failure(), campaign.work().replay(i, r.seed())));
          }
        }
        campaign.inOrder().accept(r);
      }
    }
    return new CampaignSummary(campaign.id(), campaign.work().key(), campaign.seed(), runs, failed,
        new TreeMap<>(byKind), failures, new TreeMap<>(counts), HexFormat.of().formatHex(sha.digest()), executed,
        resumed, retried, bugs, engine.name(), engine.members());
  }

  /** Returns the kind of a failure: the text before its first colon (an invariant's id), or all of it. */
  static String kind(String failure) {
    int colon = failure.indexOf(':');
    String k = colon > 0 ? failure.substring(0, colon) : failure;
    return k.length() <= 60 ? k : k.substring(0, 60);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
