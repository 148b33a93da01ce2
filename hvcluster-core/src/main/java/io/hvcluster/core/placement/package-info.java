/** Placement policies: WSFC's default owner selection, and the factory for the built-in policies. */
package io.hvcluster.core.placement;
