package io.hvcluster.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Property;
import io.hvcluster.testkit.property.Shrinkable;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class TopologiesTest {
  @Test
  void generatedSpecsAreValidAndWithinTheRanges() {
    Gen<ClusterSpec> gen = Topologies.builder().nodes(2, 16).vms(0, 20).build();
    Property.forAll(gen).named("topologies").seed(1).tries(300).check((spec, info) -> {
      assertThat(spec.hosts()).hasSizeBetween(2, 16);
      assertThat(spec.vms()).hasSizeBetween(0, 20);
      assertThat(spec.storage().witness().isPresent()).isEqualTo(spec.quorum().usesWitnessDisk());
    }).assertPassed();
  }

  @Test
  void everyLayoutAndQuorumModelTurnsUp() {
    SplittableRandom random = new SplittableRandom(2);
    var specs = java.util.stream.IntStream.range(0, 200).mapToObj(i -> Topologies.defaults().sample(random))
        .collect(Collectors.toList());
    assertThat(specs.stream().map(ClusterSpec::quorum).distinct()).containsExactlyInAnyOrder(QuorumModel.values());
    assertThat(specs).anyMatch(s -> s.storage().luns().stream().anyMatch(l -> l.csv()));
    assertThat(specs).anyMatch(s -> s.vms().size() > 1 && s.vms().stream().map(v -> v.luns().get(0)).distinct().count() < s.vms().size()
        && s.storage().luns().stream().noneMatch(l -> l.csv()));
  }

  @Test
  void specsShrinkTowardTwoNodesAndNoVms() {
    Gen<ClusterSpec> gen = Topologies.builder().nodes(2, 8).vms(0, 6).build();
    Shrinkable<ClusterSpec> s = gen.generate(new SplittableRandom(9));
    ClusterSpec simplest = s.value();
    for (int i = 0; i < 100; i++) {
      var first = s.shrinks().findFirst();
      if (first.isEmpty()) {
        break;
      }
      s = first.get();
      simplest = s.value();
    }
    assertThat(simplest.hosts()).hasSize(2);
    assertThat(simplest.vms()).isEmpty();
  }

  @Test
  void sameSeedSameSpec() {
    assertThat(Topologies.defaults().sample(new SplittableRandom(5))).isEqualTo(Topologies.defaults().sample(new SplittableRandom(5)));
  }
}
