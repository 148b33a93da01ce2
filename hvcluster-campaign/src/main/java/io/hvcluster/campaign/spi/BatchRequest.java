package io.hvcluster.campaign.spi;

import io.hvcluster.campaign.CampaignWork;
import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One batch of a campaign: the runs with these indices, each with seed {@code Seeds.forTry(masterSeed, i)}.
 * Serializable, so that a grid engine can send it to a member.
 *
 * @param campaignId the campaign's id (names its result store)
 * @param work what each run does
 * @param masterSeed the campaign's master seed
 * @param indices the runs, ascending
 * @serial exclude
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record BatchRequest(String campaignId, CampaignWork work, long masterSeed, int[] indices)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a batch; copies the indices.
   *
   * @param campaignId the campaign's id
   * @param work what each run does
   * @param masterSeed the master seed
   * @param indices the runs, ascending
   */
  public BatchRequest {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(work, "work");
    indices = indices.clone();
  }

  /**
   * Returns the runs' indices.
   *
   * @return a copy of the indices
   */
  @Override
  public int[] indices() {
    return indices.clone();
  }

  /**
   * Returns how many runs the batch has.
   *
   * @return the size
   */
  public int size() {
    return indices.length;
  }

  /**
   * Returns the first run's index, to name the batch in a message.
   *
   * @return the first index
   */
  public int first() {
    return indices.length == 0 ? -1 : indices[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchRequest b && campaignId.equals(b.campaignId) && work.equals(b.work)
        && masterSeed == b.masterSeed && java.util.Arrays.equals(indices, b.indices);
  }

  @Override
  public int hashCode() {
    return Objects.hash(campaignId, work, masterSeed, java.util.Arrays.hashCode(indices));
  }

  @Override
  public String toString() {
    return "batch of " + indices.length + " runs from " + first() + " of campaign " + campaignId;
  }
}
