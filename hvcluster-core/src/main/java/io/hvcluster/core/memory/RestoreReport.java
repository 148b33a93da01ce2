package io.hvcluster.core.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import org.apiguardian.api.API;

/**
 * The result of a restore: the memory, now owned by the caller (close it), and what it cost.
 *
 * @param memory the restored memory; its touched set is the saved state's stored pages and its dirty set
 *     is empty
 * @param info the saved state it came from
 * @param mode how it was restored
 * @param bytesRead memory bytes read during the restore: all stored bytes for an eager restore, zero for
 *     a lazy one (pages are read on first access)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RestoreReport(GuestMemory memory, SavedStateInfo info, RestoreMode mode, long bytesRead) {}
