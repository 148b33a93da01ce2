package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.HostId;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.testkit.fake.Specs;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class HostSelectorTest {
  private static List<String> names(List<HostId> ids) {
    return ids.stream().map(HostId::name).collect(Collectors.toList());
  }

  @Test
  void textFormsRoundTrip() {
    for (String text : List.of("one", "minority", "majority", "all", "owners-of(*)", "owners-of(vm1,vm2)", "coordinator",
        "witness-holder", "explicit(node1,node3)")) {
      assertThat(HostSelector.parse(text)).hasToString(text);
    }
    assertThat(HostSelector.parse(" explicit( node1 , node2 ) ")).isEqualTo(HostSelector.explicit("node1", "node2"));
  }

  @Test
  void badTextIsRejectedWithTheAllowedForms() {
    assertThatThrownBy(() -> HostSelector.parse("two")).hasMessageContaining("unknown host selector 'two'")
        .hasMessageContaining("witness-holder");
    assertThatThrownBy(() -> HostSelector.parse("explicit()")).hasMessageContaining("needs at least one name");
    assertThatThrownBy(() -> HostSelector.parse("one(node1)")).hasMessageContaining("takes no arguments");
    assertThatThrownBy(() -> HostSelector.parse("explicit(node1,node1)")).hasMessageContaining("twice");
    assertThatThrownBy(() -> HostSelector.parse("explicit(bad name)")).hasMessageContaining("not allowed");
  }

  @Test
  void oneOnlyPicksRunningNodes() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(3, 0)).crash("node1").crash("node3");
    for (long seed = 0; seed < 20; seed++) {
      assertThat(names(HostSelector.one().resolve(cluster, new SplittableRandom(seed)))).containsExactly("node2");
    }
  }

  @Test
  void minorityAndMajoritySizesFollowTheNodeCount() {
    FakeCluster five = new FakeCluster(Specs.cluster(5, 0));
    assertThat(HostSelector.minority().resolve(five, new SplittableRandom(1))).hasSize(2);
    assertThat(HostSelector.majority().resolve(five, new SplittableRandom(1))).hasSize(3);
    FakeCluster two = new FakeCluster(Specs.cluster(2, 0));
    assertThat(HostSelector.minority().resolve(two, new SplittableRandom(1))).hasSize(1);
    assertThat(HostSelector.majority().maxSize(4)).isEqualTo(3);
    assertThat(HostSelector.minority().maxSize(4)).isEqualTo(1);
  }

  @Test
  void resolutionIsAPureFunctionOfTheSeedAndKeepsConfigurationOrder() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(9, 0));
    List<HostId> a = HostSelector.majority().resolve(cluster, new SplittableRandom(42));
    assertThat(a).isEqualTo(HostSelector.majority().resolve(cluster, new SplittableRandom(42))).isSorted();
  }

  @Test
  void ownersCoordinatorAndWitnessHolderFollowTheLiveCluster() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(4, 3)).run("vm1", "node2").run("vm3", "node4")
        .own("csv1", "node3").own("witness", "node1");
    SplittableRandom random = new SplittableRandom(0);
    assertThat(names(HostSelector.parse("owners-of(*)").resolve(cluster, random))).containsExactly("node2", "node4");
    assertThat(names(HostSelector.parse("owners-of(vm3)").resolve(cluster, random))).containsExactly("node4");
    assertThat(names(HostSelector.coordinator().resolve(cluster, random))).containsExactly("node3");
    assertThat(names(HostSelector.witnessHolder().resolve(cluster, random))).containsExactly("node1");
  }

  @Test
  void unknownExplicitNodesFailWithTheKnownOnes() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(2, 0));
    assertThatThrownBy(() -> HostSelector.explicit("node7").resolve(cluster, new SplittableRandom(0)))
        .hasMessageContaining("node 'node7'").hasMessageContaining("[node1, node2]");
  }

  @Test
  void narrowingEndsAtSingleNodes() {
    assertThat(HostSelector.all().narrower()).containsExactly(HostSelector.one(), HostSelector.minority(),
        HostSelector.majority());
    assertThat(HostSelector.explicit("node1", "node2").narrower()).containsExactly(HostSelector.explicit("node2"),
        HostSelector.explicit("node1"));
    assertThat(HostSelector.explicit("node1").narrower()).isEmpty();
    assertThat(HostSelector.one().narrower()).isEmpty();
  }
}
