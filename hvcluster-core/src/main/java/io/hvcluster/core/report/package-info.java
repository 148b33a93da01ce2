/** Human-readable renderings of what a simulation did: timeline lines for events, virtual-time formats. */
package io.hvcluster.core.report;
