package io.hvcluster.grid.hazelcast;

import io.hvcluster.campaign.spi.GridOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback grid options for tests: free ports, a cluster name no other test run shares. */
final class Grids {
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  private Grids() {}

  static String clusterName() {
    return "hvc-test-" + ProcessHandle.current().pid() + "-" + CLUSTERS.incrementAndGet();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GridOptions member(String cluster, int port, List<Integer> others, int threads) {
    return new GridOptions(cluster, "127.0.0.1", port, others.stream().map(p -> "127.0.0.1:" + p).toList(), threads);
  }
}
