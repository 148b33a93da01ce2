/**
 * VM lifecycle (internal): booting, restoring, saving, shutting down and killing VM instances on nodes,
 * with the virtual time each takes (the boot model by guest OS and host installation, restore and save
 * costs from the cost model, LUN slowdowns), the pending timeout on starts and the per-node start slots.
 * How a start ends is reported to a {@link io.hvcluster.core.cluster.lifecycle.StartListener}.
 */
package io.hvcluster.core.cluster.lifecycle;
