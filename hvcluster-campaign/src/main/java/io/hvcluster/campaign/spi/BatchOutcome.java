package io.hvcluster.campaign.spi;

import java.io.Serializable;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a batch left: the stored result of every run in it (the one stored first, when a run had run
 * before), and the runs whose new result differed from the stored one: determinism bugs.
 *
 * @param records the stored results' encodings, in the batch's order
 * @param conflicts the runs whose second result differed
 * @serial exclude
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record BatchOutcome(List<byte[]> records, List<Conflict> conflicts) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an outcome; copies the lists.
   *
   * @param records the stored results
   * @param conflicts the differing second results
   */
  public BatchOutcome {
    records = List.copyOf(records);
    conflicts = List.copyOf(conflicts);
  }

  /**
   * A run that gave two different results.
   *
   * @param index the run's index
   * @param stored the result stored first
   * @param second the result of the later execution
   * @serial exclude
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Conflict(int index, byte[] stored, byte[] second) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
