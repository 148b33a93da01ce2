package io.hvcluster.testkit.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Coverage probes, after FoundationDB's {@code CODE_PROBE} and Antithesis' {@code sometimes}: named
 * conditions a suite expects to see at least once, so that a passing suite proves it reached the
 * dangerous states (failover during a migration's blackout, witness lost during a partition, …). Probes
 * are counted per suite; {@link #require} fails when a required probe was never hit.
 *
 * <p>Thread-safe: probes may be hit from parallel test methods. Reports are sorted by name. Example:
 *
 * <pre>{@code
 * coverage.sometimes("failover-during-migration", vm.state() == VmState.MIGRATING && failoverStarted);
 * coverage.reachable("witness-arbitrated");
 * coverage.require(List.of("failover-during-migration")); // at the end of the suite
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Coverage {
  private final Map<String, long[]> probes = new TreeMap<>();

  /** Creates coverage with no probes. */
  public Coverage() {}

  /**
   * Evaluates a probe: counts the evaluation, and a hit when the condition holds.
   *
   * @param probe the probe's name
   * @param condition whether the interesting state is reached now
   * @return the condition, so a probe can wrap an expression
   */
  public synchronized boolean sometimes(String probe, boolean condition) {
    long[] counts = probes.computeIfAbsent(check(probe), k -> new long[2]);
    counts[0]++;
    if (condition) {
      counts[1]++;
    }
    return condition;
  }

  /**
   * Records that a probe's place was reached.
   *
   * @param probe the probe's name
   */
  public void reachable(String probe) {
    sometimes(probe, true);
  }

  /**
   * Returns how often a probe was hit.
   *
   * @param probe the probe's name
   * @return hits, 0 when never hit or never evaluated
   */
  public synchronized long hits(String probe) {
    long[] counts = probes.get(probe);
    return counts == null ? 0 : counts[1];
  }

  /**
   * Returns how often a probe was evaluated.
   *
   * @param probe the probe's name
   * @return evaluations
   */
  public synchronized long evaluations(String probe) {
    long[] counts = probes.get(probe);
    return counts == null ? 0 : counts[0];
  }

  /**
   * Returns the required probes that were never hit, in the order given.
   *
   * @param required the probe names
   * @return the missing ones
   */
  public synchronized List<String> missing(Collection<String> required) {
    List<String> out = new ArrayList<>();
    for (String probe : required) {
      if (hits(probe) == 0 && !out.contains(probe)) {
        out.add(probe);
      }
    }
    return out;
  }

  /**
   * Fails unless every required probe was hit at least once.
   *
   * @param required the probe names
   * @throws AssertionError naming the missing probes, with a summary of all probes
   */
  public void require(Collection<String> required) {
    List<String> missing = missing(required);
    if (!missing.isEmpty()) {
      throw new AssertionError("coverage probes never hit: " + missing + "\n" + summary());
    }
  }

  /**
   * Adds another coverage's counts to this one.
   *
   * @param other the other coverage
   */
  public void addAll(Coverage other) {
    Map<String, long[]> copy;
    synchronized (other) {
      copy = new TreeMap<>();
      other.probes.forEach((k, v) -> copy.put(k, v.clone()));
    }
    synchronized (this) {
      copy.forEach((k, v) -> {
        long[] counts = probes.computeIfAbsent(k, x -> new long[2]);
        counts[0] += v[0];
        counts[1] += v[1];
      });
    }
  }

  /**
   * Returns every probe with its hits and evaluations, one a line, sorted by name.
   *
   * @return the summary
   */
  public synchronized String summary() {
    if (probes.isEmpty()) {
      return "coverage: no probes evaluated";
    }
    StringBuilder out = new StringBuilder("coverage:");
    probes.forEach((name, c) -> out.append("\n  ").append(c[1] == 0 ? "MISS " : "hit  ").append(name).append(": ")
        .append(c[1]).append(" of ").append(c[0]));
    return out.toString();
  }

  private static String check(String probe) {
    Objects.requireNonNull(probe, "probe");
    if (probe.isBlank()) {
      throw new IllegalArgumentException("probe name is blank");
    }
    return probe;
  }
}
