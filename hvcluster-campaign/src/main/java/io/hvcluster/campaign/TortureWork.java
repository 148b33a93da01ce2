package io.hvcluster.campaign;

import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.engine.EngineRun;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.Finding;
import io.hvcluster.testkit.engine.RunResult;
import io.hvcluster.testkit.engine.Torture;
import io.hvcluster.testkit.junit.Scenario;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Torture scenarios as a campaign: run {@code i} is exactly scenario {@code i} of
 * {@code hvcluster torture} with the same nodes, VMs, fault budget, {@code --wide} and seed (a generated
 * cluster, a few operator operations and a swarm-mode fault plan, every invariant checked), so a campaign of
 * K runs finds
 * the same violations as a torture run of K scenarios, and a failure replays with torture's one-line
 * command.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * CampaignSummary s = Campaign.of(TortureWork.of(4, 20, 4)).seed(1).runs(1_000_000).build().run(engine);
 * }</pre>
 * @serial exclude
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TortureWork implements EngineRunWork {
  private static final long serialVersionUID = 1L;

  private final int nodes;
  private final int vms;
  private final int maxFaults;
  private final ArrayList<Defect> defects;
  private final boolean wide;
  private transient volatile Torture torture;

  private TortureWork(int nodes, int vms, int maxFaults, List<Defect> defects, boolean wide) {
    this.nodes = nodes;
    this.vms = vms;
    this.maxFaults = maxFaults;
    this.defects = new ArrayList<>(defects);
    this.wide = wide;
    this.torture = build(1);
  }

  /**
   * Returns torture scenarios of a cluster size and fault budget.
   *
   * @param nodes nodes per cluster, 2 to 16
   * @param vms VMs per cluster, 1 to 1000
   * @param maxFaults most faults per plan, 0 to 20
   * @return the work
   * @throws IllegalArgumentException when a value is out of range (the message names it and its range)
   */
  public static TortureWork of(int nodes, int vms, int maxFaults) {
    return new TortureWork(nodes, vms, maxFaults, List.of(), false);
  }

  /**
   * Returns the same work with deliberate engine defects enabled (to see a campaign catch them).
   * {@link Defect} is exported only to the testkit, the campaign module and the command-line tool.
   *
   * @param enabled the defects
   * @return the work
   */
  @SuppressWarnings("exports")
  public TortureWork withDefects(List<Defect> enabled) {
    return new TortureWork(nodes, vms, maxFaults, List.copyOf(enabled), wide);
  }

  /**
   * Returns the same work with torture's wide generator ({@code hvcluster torture --wide}) on or off: each
   * scenario draws its own topology (2 to 16 nodes), memory pressure, fault count (up to twice the fault
   * budget), spacing and failover policies; the node and VM counts are then ignored.
   *
   * @param enabled whether to widen
   * @return the work
   */
  public TortureWork withWide(boolean enabled) {
    return new TortureWork(nodes, vms, maxFaults, defects, enabled);
  }

  @Override
  public String key() {
    // Wide scenarios ignore the node and VM counts, so the key (and the campaign's id) leaves them out.
    String topology = wide ? "wide" : "nodes=" + nodes + " vms=" + vms;
    return "torture " + topology + " maxFaults=" + maxFaults + (defects.isEmpty() ? "" : " defects=" + defects);
  }

  @Override
  public RunResult runEngine(long seed) {
    Scenario scenario = torture().scenario(seed);
    return EngineRun.of(scenario.spec()).seed(seed).plan(scenario.plan()).workload(scenario.workload())
        .settings(EngineSettings.defaults().defects(defects.toArray(new Defect[0]))).run();
  }

  @Override
  public String replay(int index, long seed) {
    return torture().replayLine(seed);
  }

  /**
   * Runs one failing scenario again and shrinks its plan to a minimal one that still breaks the same
   * invariant, as {@code hvcluster torture} does for its first failure.
   *
   * @param seed the scenario's seed
   * @param maxShrinkRuns how many runs shrinking may take
   * @return the finding, or empty when the scenario passes
   */
  public Optional<Finding> shrink(long seed, int maxShrinkRuns) {
    return Torture.builder().nodes(nodes).vms(vms).maxFaults(maxFaults).wide(wide)
        .defects(defects.toArray(new Defect[0])).scenarios(1).seed(seed).maxShrinkRuns(maxShrinkRuns).build().run()
        .firstViolation();
  }

  private Torture torture() {
    Torture t = torture;
    if (t == null) {
      t = build(1);
      torture = t;
    }
    return t;
  }

  private Torture build(int scenarios) {
    return Torture.builder().nodes(nodes).vms(vms).maxFaults(maxFaults).wide(wide)
        .defects(defects.toArray(new Defect[0])).scenarios(scenarios).build();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    // Validates what arrived, as the factory does.
    Objects.requireNonNull(defects, "defects");
    torture = build(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TortureWork w && nodes == w.nodes && vms == w.vms && maxFaults == w.maxFaults
        && defects.equals(w.defects) && wide == w.wide;
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodes, vms, maxFaults, defects, wide);
  }

  @Override
  public String toString() {
    return key();
  }
}
