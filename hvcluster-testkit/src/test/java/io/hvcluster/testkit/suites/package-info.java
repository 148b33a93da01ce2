/**
 * The cross-module simulation suites: properties over generated scenarios on the real engine, run by
 * {@code @ClusterProperty} with a fixed number of tries sized for CI ({@code -Dhvcluster.tries.multiplier=N}
 * for a longer, nightly run), each requiring the coverage probes that prove it reached what it is about.
 */
package io.hvcluster.testkit.suites;
