package io.hvcluster.core.cluster;

import io.hvcluster.api.MemoryBacking;
import io.hvcluster.core.defect.Defects;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Engine-wide options chosen when the simulation is built.
 *
 * @param everyHeartbeat simulate every heartbeat (the reference mode) instead of computing detection
 *     from the faults
 * @param defects the deliberate defects enabled, usually none
 * @param memoryBacking how guest memory is backed
 * @param workDirectory where real memory and saved-state files live (REAL backing only), or null
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record EngineOptions(boolean everyHeartbeat, Defects defects, MemoryBacking memoryBacking, Path workDirectory) {
  /**
   * Checks the options.
   *
   * @param everyHeartbeat simulate every heartbeat
   * @param defects the deliberate defects enabled
   * @param memoryBacking how guest memory is backed
   * @param workDirectory where real memory and saved-state files live, or null
   */
  public EngineOptions {
    Objects.requireNonNull(defects, "defects");
    Objects.requireNonNull(memoryBacking, "memory backing");
  }
}
