package io.hvcluster.campaign;

import org.apiguardian.api.API;

/**
 * A campaign that could not finish: a batch failed on every attempt, a result is missing, or the sink
 * threw. The results stored so far stay stored; running the campaign again resumes after them.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CampaignException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause why, or null
   */
  public CampaignException(String message, Throwable cause) {
    super(message, cause);
  }
}
