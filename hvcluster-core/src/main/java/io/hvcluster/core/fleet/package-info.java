/**
 * Fleet-scale simulation: many clusters of up to 16 nodes, tens of thousands of VMs, Poisson host
 * failures and repairs over days of virtual time, with availability accounting and incremental safety
 * checks. Cost grows with VMs and faults, not with simulated time.
 */
package io.hvcluster.core.fleet;
