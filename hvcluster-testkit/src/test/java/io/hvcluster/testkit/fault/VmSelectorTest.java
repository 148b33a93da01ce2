package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.VmId;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.testkit.fake.Specs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class VmSelectorTest {
  @Test
  void textFormsRoundTrip() {
    for (String text : List.of("any", "one", "explicit(vm1,vm2)")) {
      assertThat(VmSelector.parse(text)).hasToString(text);
    }
  }

  @Test
  void oneRunningVmIsPreferred() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(2, 3)).run("vm2", "node1");
    for (long seed = 0; seed < 20; seed++) {
      assertThat(VmSelector.one().resolve(cluster, new SplittableRandom(seed))).containsExactly(VmId.of("vm2"));
    }
    assertThat(VmSelector.any().resolve(cluster, new SplittableRandom(0))).hasSize(3);
  }

  @Test
  void narrowingGoesFromAnyToOne() {
    assertThat(VmSelector.any().narrower()).containsExactly(VmSelector.one());
    assertThat(VmSelector.explicit("vm1", "vm2").narrower()).hasSize(2);
  }
}
