package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

final class PageBitmapTest {
  @Test
  void itIteratesExactlyTheSetPagesInAscendingOrder() {
    long seed = 42;
    SplittableRandom random = new SplittableRandom(seed);
    long pages = 3 * PageBitmap.BLOCK_PAGES + 77;
    PageBitmap map = new PageBitmap(pages);
    TreeSet<Long> expected = new TreeSet<>();
    for (int i = 0; i < 5_000; i++) {
      long page = random.nextLong(pages);
      assertThat(map.set(page)).isEqualTo(expected.add(page));
    }
    map.set(pages - 1);
    expected.add(pages - 1);
    List<Long> seen = new ArrayList<>();
    map.forEach(seen::add);
    assertThat(seen).as("seed %d", seed).containsExactlyElementsOf(expected);
    assertThat(map.count()).isEqualTo(expected.size());
    assertThat(map.nextPage(pages)).isEqualTo(-1);
    assertThat(map.contains(-1)).isFalse();
    assertThat(map.contains(pages)).isFalse();
  }

  @Test
  void wordsRoundTripAndCopiesAreIndependent() {
    PageBitmap map = new PageBitmap(200);
    map.set(0);
    map.set(63);
    map.set(64);
    map.set(199);
    PageBitmap back = PageBitmap.fromWords(200, map.toWords());
    assertThat(back).isEqualTo(map);
    PageBitmap copy = map.copy();
    map.clear(63);
    assertThat(copy.contains(63)).isTrue();
    assertThat(map.contains(63)).isFalse();
    assertThat(map.count()).isEqualTo(3);
    assertThat(map.nextClear(63, 200)).isEqualTo(63);
  }
}
