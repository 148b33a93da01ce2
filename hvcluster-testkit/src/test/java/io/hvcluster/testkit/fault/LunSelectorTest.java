package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.LunId;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.testkit.fake.Specs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LunSelectorTest {
  private final FakeCluster cluster = new FakeCluster(Specs.cluster(2, 2));

  @Test
  void textFormsRoundTrip() {
    for (String text : List.of("one", "of-vm(vm1)", "witness", "csv", "explicit(lun-vm1,lun-vm2)")) {
      assertThat(LunSelector.parse(text)).hasToString(text);
    }
    assertThatThrownBy(() -> LunSelector.parse("of-vm(vm1,vm2)")).hasMessageContaining("exactly one VM");
  }

  @Test
  void selectorsResolveAgainstTheStorage() {
    SplittableRandom random = new SplittableRandom(3);
    assertThat(LunSelector.witness().resolve(cluster, random)).containsExactly(LunId.of("witness"));
    assertThat(LunSelector.csv().resolve(cluster, random)).containsExactly(LunId.of("csv1"));
    assertThat(LunSelector.parse("of-vm(vm2)").resolve(cluster, random)).containsExactly(LunId.of("lun-vm2"));
    for (long seed = 0; seed < 20; seed++) {
      assertThat(LunSelector.one().resolve(cluster, new SplittableRandom(seed))).hasSize(1)
          .doesNotContain(LunId.of("witness"));
    }
  }

  @Test
  void unknownLunsAndVmsFail() {
    assertThatThrownBy(() -> LunSelector.explicit("nope").resolve(cluster, new SplittableRandom(0)))
        .hasMessageContaining("LUN 'nope'");
    assertThatThrownBy(() -> LunSelector.parse("of-vm(vm9)").resolve(cluster, new SplittableRandom(0)))
        .hasMessageContaining("VM 'vm9'");
  }
}
