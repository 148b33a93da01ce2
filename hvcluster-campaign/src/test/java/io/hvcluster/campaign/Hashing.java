package io.hvcluster.campaign;

import java.util.SplittableRandom;

/**
 * A small deterministic work for tests: a chain of random numbers from the run's seed; about one run in
 * {@code failEvery} fails. Public, so that grid members in other JVMs can run it.
 *
 * @param rounds how many numbers each run draws (its cost)
 * @param failEvery one run in this many fails, on average
 */
public record Hashing(int rounds, int failEvery) implements CampaignWork {
  private static final long serialVersionUID = 1L;

  @Override
  public String key() {
    return "hashing rounds=" + rounds + " failEvery=" + failEvery;
  }

  @Override
  public RunRecord run(int index, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long h = 0;
    for (int i = 0; i < rounds; i++) {
      h = h * 31 + random.nextLong();
    }
    RunRecord.Builder b = RunRecord.builder(index, seed).fingerprint(Long.toHexString(h)).count("rounds", rounds)
        .measure("fraction", (h >>> 11) * 0x1.0p-53);
    if (Math.floorMod(h, failEvery) == 0) {
      b.failure("H1: hash divisible by " + failEvery).count("violation:H1", 1);
    }
    return b.build();
  }

  @Override
  public String replay(int index, long seed) {
    return "hashing --seed " + seed;
  }
}
