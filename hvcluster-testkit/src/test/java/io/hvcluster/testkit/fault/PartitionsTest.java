package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class PartitionsTest {
  private static List<HostId> nodes(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> HostId.of("node" + i)).collect(Collectors.toList());
  }

  @Test
  void everyNodeOfAMajoritiesRingSeesADifferentMajority() {
    for (int size = 4; size <= 16; size++) {
      int n = size;
      List<HostId> all = nodes(n);
      List<HostId> ring = Partitions.shuffled(all, new SplittableRandom(n));
      Map<HostId, Set<HostId>> views = Partitions.views(all, Partitions.majoritiesRing(ring));
      int majority = n / 2 + 1;
      assertThat(views.values()).as("views of %d nodes", n).allMatch(v -> v.size() >= majority && v.size() < n);
      assertThat(new HashSet<>(views.values())).as("distinct views of %d nodes", n).hasSize(n);
    }
  }

  @Test
  void ringsOfFewerThanFourNodesCutNothing() {
    assertThat(Partitions.majoritiesRing(nodes(3))).isEmpty();
  }

  @Test
  void bridgeNodeTalksToBothHalvesThatCannotTalkToEachOther() {
    List<HostId> all = nodes(5);
    HostId bridge = all.get(2);
    List<HostId> others = new ArrayList<>(all);
    others.remove(bridge);
    Map<HostId, Set<HostId>> views = Partitions.views(all, Partitions.bridge(others));
    assertThat(views.get(bridge)).containsExactlyInAnyOrderElementsOf(all);
    assertThat(views.get(others.get(0))).doesNotContain(others.get(2), others.get(3));
  }

  @Test
  void isolationAndSplitsAreSymmetricAndOneWayLinksAreNot() {
    List<HostId> all = nodes(4);
    assertThat(Partitions.views(all, Partitions.isolate(all, List.of(all.get(0)))).get(all.get(0))).containsExactly(all.get(0));
    assertThat(Partitions.split(all, all.subList(0, 1))).allMatch(l -> Partitions.split(all, all.subList(0, 1))
        .contains(l.reversed()));
    assertThat(Partitions.oneWay(List.of(all.get(0)), List.of(all.get(1)))).containsExactly(new Link(all.get(0), all.get(1)));
  }

  @Test
  void swizzleOrdersArePermutationsFromTheSeed() {
    List<HostId> all = nodes(6);
    Partitions.Swizzle s = Partitions.swizzle(all, new SplittableRandom(5));
    assertThat(s.clogOrder()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(s.unclogOrder()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(Partitions.swizzle(all, new SplittableRandom(5))).isEqualTo(s);
  }
}
