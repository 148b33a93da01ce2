package io.hvcluster.core.cluster;

import io.hvcluster.api.MemoryBacking;
import java.nio.file.Path;

/**
 * Engine-wide options chosen when the simulation is built.
 *
 * @param everyHeartbeat simulate every heartbeat (the reference mode) instead of computing detection
 *     from the faults
 * @param skipArbitration deliberate defect: start VMs without arbitrating their LUNs
 * @param ignoreQuorum deliberate defect: nodes that lose quorum keep their VMs running
 * @param restartOperatorStopped deliberate defect: the cluster restarts VMs an operator stopped
 * @param memoryBacking how guest memory is backed
 * @param workDirectory where real memory and saved-state files live (REAL backing only), or null
 */
public record EngineOptions(boolean everyHeartbeat, boolean skipArbitration, boolean ignoreQuorum,
    boolean restartOperatorStopped, MemoryBacking memoryBacking, Path workDirectory) {
}
