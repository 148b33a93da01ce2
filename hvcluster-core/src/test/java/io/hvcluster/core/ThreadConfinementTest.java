package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.WrongThreadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

final class ThreadConfinementTest {
  private static Throwable fromOtherThread(Runnable call) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "intruder");
    t.start();
    t.join();
    return thrown.get();
  }

  @Test
  void everyEntryPointRefusesOtherThreadsWithAClearMessage() throws InterruptedException {
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster cluster = sim.createCluster(TestSpecs.fourNodes());
      List<Consumer<Object>> calls = new ArrayList<>();
      calls.add(x -> sim.runFor(Duration.ofSeconds(1)));
      calls.add(x -> sim.step());
      calls.add(x -> sim.nowNanos());
      calls.add(x -> sim.traceHash());
      calls.add(x -> sim.faults(cluster));
      calls.add(x -> cluster.form());
      calls.add(x -> cluster.hosts());
      calls.add(x -> cluster.vm("vm1").state());
      calls.add(x -> cluster.host("node1").memoryFreeBytes());
      calls.add(x -> cluster.storage().luns());
      calls.add(x -> cluster.quorum());
      for (Consumer<Object> call : calls) {
        Throwable e = fromOtherThread(() -> call.accept(null));
        assertThat(e).isInstanceOf(WrongThreadException.class)
            .hasMessageContaining("confined to thread '" + Thread.currentThread().getName() + "'")
            .hasMessageContaining("called from thread 'intruder'");
      }
      // Nothing was changed by the refused calls.
      assertThat(cluster.isFormed()).isFalse();
      assertThat(sim.nowNanos()).isZero();
    }
  }
}
