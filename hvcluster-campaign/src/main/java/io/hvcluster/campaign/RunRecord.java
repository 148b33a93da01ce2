package io.hvcluster.campaign;

import io.hvcluster.testkit.engine.RunResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What one run of a campaign left: its index and seed, whether it passed (and if not, why), a label (a
 * fleet sweep's parameter point), a fingerprint (a trace hash: equal for two runs that did the same), and
 * named counts (summed by the summary) and measures (kept per run).
 *
 * <p>A record has one canonical encoding ({@link #encode()}): the engines store and compare those bytes,
 * and the campaign's digest is a hash over them in index order, so two engines agree exactly when every
 * run's record is equal. Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * RunRecord r = RunRecord.builder(7, seed).fingerprint(trace).count("faults", 3).build();
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunRecord {
  /** The longest text a record keeps in one field; longer text is cut (with "…" at the end). */
  public static final int MAX_TEXT = 4000;
  private static final int FORMAT = 1;

  private final int index;
  private final long seed;
  private final String failure;
  private final String label;
  private final String fingerprint;
  private final SortedMap<String, Long> counts;
  private final SortedMap<String, Double> measures;

  private RunRecord(Builder b) {
    this.index = b.index;
    this.seed = b.seed;
    this.failure = b.failure;
    this.label = b.label;
    this.fingerprint = b.fingerprint;
    this.counts = Collections.unmodifiableSortedMap(new TreeMap<>(b.counts));
    this.measures = Collections.unmodifiableSortedMap(new TreeMap<>(b.measures));
  }

  /**
   * Returns a builder for run {@code index} with {@code seed}.
   *
   * @param index the run's index, 0 or more
   * @param seed the run's seed
   * @return the builder
   * @throws IllegalArgumentException when the index is negative
   */
  public static Builder builder(int index, long seed) {
    if (index < 0) {
      throw new IllegalArgumentException("run index is " + index + "; it must be 0 or more");
    }
    return new Builder(index, seed);
  }

  /**
   * Returns the record of an engine run (a torture scenario or a property-style run): failed when an
   * invariant broke (the failure is the violation), the trace hash as fingerprint, and the counts
   * {@code faults}, {@code events}, {@code kernelEvents}, {@code probe:NAME} (1 per probe hit) and
   * {@code violation:ID}.
   *
   * @param index the run's index
   * @param seed the run's seed
   * @param result what the run did
   * @return the record
   */
  public static RunRecord of(int index, long seed, RunResult result) {
    Builder b = builder(index, seed).fingerprint(result.traceHash()).count("faults", result.faultsInjected())
        .count("events", result.events()).count("kernelEvents", result.steps());
    for (String probe : result.probes()) {
      b.count("probe:" + probe, 1);
    }
    result.violation().ifPresent(v -> b.failure(v.invariant() + ": " + v.message()).count("violation:"
        + v.invariant(), 1));
    return b.build();
  }

  /**
   * Returns the run's index.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the run's seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns whether the run passed.
   *
   * @return true when it has no failure
   */
  public boolean passed() {
    return failure.isEmpty();
  }

  /**
   * Returns why the run failed.
   *
   * @return the failure, empty when it passed
   */
  public String failure() {
    return failure;
  }

  /**
   * Returns the run's label, for example a sweep's parameter point.
   *
   * @return the label, empty when none
   */
  public String label() {
    return label;
  }

  /**
   * Returns the run's fingerprint: for an engine run, its trace hash.
   *
   * @return the fingerprint, empty when none
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Returns the counts, which a summary adds up.
   *
   * @return the counts by name, sorted
   */
  public SortedMap<String, Long> counts() {
    return counts;
  }

  /**
   * Returns the measures, kept per run.
   *
   * @return the measures by name, sorted
   */
  public SortedMap<String, Double> measures() {
    return measures;
  }

  /**
   * Returns the canonical encoding, which engines store and compare and the digest hashes.
   *
   * @return the bytes
   */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * (counts.size() + measures.size()));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(index);
      out.writeLong(seed);
      out.writeUTF(failure);
      out.writeUTF(label);
      out.writeUTF(fingerprint);
      out.writeInt(counts.size());
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
      out.writeInt(measures.size());
      for (Map.Entry<String, Double> e : measures.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(Double.doubleToLongBits(e.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a record that {@link #encode()} wrote.
   *
   * @param bytes the encoding
   * @return the record
   * @throws IllegalArgumentException when the bytes are not a record of this format
   */
  public static RunRecord decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("a run record of format " + format + "; this version reads format "
            + FORMAT);
      }
      Builder b = builder(in.readInt(), in.readLong()).failure(in.readUTF()).label(in.readUTF())
          .fingerprint(in.readUTF());
      int n = in.readInt();
      checkSize(n, bytes.length);
      for (int i = 0; i < n; i++) {
        b.count(in.readUTF(), in.readLong());
      }
      int m = in.readInt();
      checkSize(m, bytes.length);
      for (int i = 0; i < m; i++) {
        b.measure(in.readUTF(), Double.longBitsToDouble(in.readLong()));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("a run record with " + in.available() + " bytes after its end");
      }
      return b.build();
    } catch (IOException e) {
      throw new IllegalArgumentException("a run record cut short (" + bytes.length + " bytes)", e);
    }
  }

  private static void checkSize(int n, int length) {
    // Each entry takes at least 10 bytes, so a count beyond that is a corrupt record, not a huge one.
    if (n < 0 || n > length / 10) {
      throw new IllegalArgumentException("a run record claims " + n + " entries in " + length + " bytes");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunRecord r && index == r.index && seed == r.seed && failure.equals(r.failure)
        && label.equals(r.label) && fingerprint.equals(r.fingerprint) && counts.equals(r.counts)
        && measures.equals(r.measures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, seed, failure, label, fingerprint, counts, measures);
  }

  @Override
  public String toString() {
    return "run " + index + (label.isEmpty() ? "" : " [" + label + "]") + (passed() ? " passed" : " failed: "
        + failure) + (fingerprint.isEmpty() ? "" : " (" + fingerprint + ")");
  }

  /**
   * Builds a {@link RunRecord}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final int index;
    private final long seed;
    private String failure = "";
    private String label = "";
    private String fingerprint = "";
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Double> measures = new TreeMap<>();

    private Builder(int index, long seed) {
      this.index = index;
      this.seed = seed;
    }

    /**
     * Marks the run failed.
     *
     * @param why what broke; empty means passed
     * @return this
     */
    public Builder failure(String why) {
      this.failure = text(why);
      return this;
    }

    /**
     * Sets the label.
     *
     * @param newLabel the label, for example {@code "failuresPerHour=0.1 repairHours=8"}
     * @return this
     */
    public Builder label(String newLabel) {
      this.label = text(newLabel);
      return this;
    }

    /**
     * Sets the fingerprint.
     *
     * @param newFingerprint for example a trace hash
     * @return this
     */
    public Builder fingerprint(String newFingerprint) {
      this.fingerprint = text(newFingerprint);
      return this;
    }

    /**
     * Adds to a count.
     *
     * @param name the count's name
     * @param amount how much to add
     * @return this
     */
    public Builder count(String name, long amount) {
      counts.merge(text(name), amount, Long::sum);
      return this;
    }

    /**
     * Sets a measure.
     *
     * @param name the measure's name
     * @param value the value
     * @return this
     */
    public Builder measure(String name, double value) {
      measures.put(text(name), value);
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     */
    public RunRecord build() {
      return new RunRecord(this);
    }

    private static String text(String s) {
      Objects.requireNonNull(s, "text");
      return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
  }
}
