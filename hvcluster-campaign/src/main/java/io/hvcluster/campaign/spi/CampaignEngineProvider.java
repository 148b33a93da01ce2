package io.hvcluster.campaign.spi;

import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * A grid engine found on the class path (with {@link ServiceLoader}): so that a tool can offer a grid
 * without depending on it, and users who need no grid never get one on their class path.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface CampaignEngineProvider {
  /**
   * Returns the engine's name, as {@code --engine} takes it.
   *
   * @return for example {@code "hazelcast"}
   */
  String name();

  /**
   * Starts a member in this JVM that joins the others and coordinates campaigns; it also runs batches.
   *
   * @param options where to bind and whom to join
   * @return the engine; closing it leaves the grid
   */
  CampaignEngine engine(GridOptions options);

  /**
   * Starts a member in this JVM that only runs batches for others.
   *
   * @param options where to bind and whom to join
   * @return the member; closing it leaves the grid
   */
  GridMember member(GridOptions options);

  /**
   * Returns the provider of that name on the class path.
   *
   * @param name the engine's name
   * @return the provider
   * @throws IllegalArgumentException when no provider has that name (the message says which module adds it)
   */
  static CampaignEngineProvider named(String name) {
    StringBuilder found = new StringBuilder();
    for (CampaignEngineProvider p : ServiceLoader.load(CampaignEngineProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
      found.append(found.length() == 0 ? "" : ", ").append(p.name());
    }
    throw new IllegalArgumentException("no '" + name + "' engine on the class path (found: "
        + (found.length() == 0 ? "none" : found) + "); add the module hvcluster-grid-" + name);
  }

  /**
   * A running grid member.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  interface GridMember extends AutoCloseable {
    /**
     * Returns the address the member listens on.
     *
     * @return {@code HOST:PORT}
     */
    String address();

    /**
     * Returns how many members the grid has now, this one included.
     *
     * @return the size
     */
    int gridSize();

    /**
     * Blocks until the member has left the grid (closed, or shut down by a signal).
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void awaitShutdown() throws InterruptedException;

    /** Leaves the grid. */
    @Override
    void close();
  }
}
