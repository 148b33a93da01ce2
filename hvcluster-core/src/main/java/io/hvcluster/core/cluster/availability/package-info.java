/**
 * Who serves (internal): each VM's availability account (expected and down time, outages with their
 * causes) and the active node of each guest cluster, which moves its application when that node stops
 * serving. Both watch VM state changes; neither changes the cluster.
 */
package io.hvcluster.core.cluster.availability;
