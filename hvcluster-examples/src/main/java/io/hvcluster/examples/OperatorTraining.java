package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.report.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A training scenario driven step by step, as an operator-training simulator would drive it: the
 * program advances the simulation one event at a time with {@link Simulation#step()}, shows the trainee
 * each event as it happens, and stops at the moments a trainee must decide. Here node2 hangs (it stops
 * executing but keeps its power), the cluster needs five missed heartbeats to notice, fails its VMs over
 * and restarts them; then the trainee resumes the host and watches it rejoin without taking its VMs
 * back (failback is prevented by default).
 *
 * <p>Nothing happens between two calls: the trainee can take as long as they like to answer, and the
 * same seed replays the same exercise for the next trainee.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.OperatorTraining}.
 */
public final class OperatorTraining {
  private static final HostId HUNG = HostId.of("node2");

  private OperatorTraining() {}

  /**
   * What the trainee saw.
   *
   * @param transcript every line shown, events and prompts, in order
   * @param detectionNanos virtual time from the hang to the cluster declaring the node down
   * @param recoveryNanos virtual time from the hang to every VM running again on the other nodes
   * @param vmsOnRejoinedNode VMs on node2 after it rejoined
   */
  public record Exercise(List<String> transcript, long detectionNanos, long recoveryNanos, int vmsOnRejoinedNode) {}

  /** Returns the exercise's cluster: three nodes and four VMs, two of them preferring node2. */
  public static ClusterSpec cluster() {
    ClusterSpec.Builder b = ClusterSpec.builder("TRAINING");
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(16).build());
    }
    List<LunSpec> luns = new ArrayList<>(List.of(LunSpec.witness("witness")));
    String[][] vms = {{"mail", "node2"}, {"files", "node2"}, {"web", "node1"}, {"erp", "node3"}};
    for (String[] vm : vms) {
      luns.add(LunSpec.data("lun-" + vm[0], 40));
      b.vm(VmSpec.builder(vm[0]).memoryGiB(3).lun("lun-" + vm[0]).preferredOwners(vm[1]).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  /** Runs the exercise with the given seed and returns what the trainee saw. */
  public static Exercise run(long seed) {
    List<String> transcript = new ArrayList<>();
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster cluster = sim.createCluster(cluster());
      sim.addListener(event -> {
        // Group states mirror their VMs, and LUN arbitration its outcome: a trainee sees the rest.
        if (!Timeline.isDetail(event)) {
          transcript.add(Timeline.line(event));
        }
      });

      transcript.add("== The cluster forms and starts its VMs");
      cluster.form();
      cluster.startAllVms();
      sim.runUntil(() -> allRunning(cluster), Duration.ofMinutes(10));

      transcript.add("== Exercise: node2 hangs. Watch the cluster notice, one event at a time.");
      long hungAt = sim.nowNanos();
      sim.faults(cluster).hangHost(HUNG);
      while (cluster.host(HUNG).state() != NodeState.DOWN && sim.step()) {
        // Each step runs one event; the listener has just shown it to the trainee.
      }
      long detection = sim.nowNanos() - hungAt;
      transcript.add("?? node2 is down after " + Timeline.duration(detection) + ". Where will mail and files run?");
      while (!(allRunning(cluster) && cluster.host(HUNG).vms().isEmpty()) && sim.step()) {
        // The failover and the restarts, event by event.
      }
      long recovery = sim.nowNanos() - hungAt;
      transcript.add("?? every VM runs again after " + Timeline.duration(recovery) + ": mail on "
          + cluster.vm("mail").host().orElseThrow() + ", files on " + cluster.vm("files").host().orElseThrow());

      transcript.add("== The trainee resumes node2");
      sim.faults(cluster).resumeHost(HUNG);
      sim.runUntil(() -> cluster.host(HUNG).state() == NodeState.UP, Duration.ofMinutes(10));
      sim.runFor(Duration.ofMinutes(2));
      int back = cluster.host(HUNG).vms().size();
      transcript.add("?? node2 is " + cluster.host(HUNG).state() + " with " + back + " VMs: failback is prevented,"
          + " so its VMs stay where they were restarted");
      return new Exercise(transcript, detection, recovery, back);
    }
  }

  private static boolean allRunning(Cluster cluster) {
    return cluster.vms().stream().allMatch(vm -> vm.state() == VmState.RUNNING);
  }

  /**
   * Prints the exercise as the trainee saw it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(7).transcript().forEach(System.out::println);
  }
}
