package io.hvcluster.testkit.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Deterministic random picks that keep the result in the candidates' original order. */
final class Picks {
  private Picks() {}

  static <T> List<T> subset(List<T> candidates, int size, RandomGenerator random) {
    int k = Math.min(size, candidates.size());
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      indices.add(i);
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(candidates.size() - i);
      Integer tmp = indices.get(i);
      indices.set(i, indices.get(j));
      indices.set(j, tmp);
    }
    List<Integer> chosen = new ArrayList<>(indices.subList(0, k));
    chosen.sort(null);
    List<T> out = new ArrayList<>(k);
    for (int index : chosen) {
      out.add(candidates.get(index));
    }
    return List.copyOf(out);
  }

  static <T> List<T> one(List<T> candidates, RandomGenerator random) {
    return candidates.isEmpty() ? List.of() : List.of(candidates.get(random.nextInt(candidates.size())));
  }

  static <T> List<List<T>> dropEach(List<T> values) {
    List<List<T>> out = new ArrayList<>();
    if (values.size() < 2) {
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      List<T> copy = new ArrayList<>(values);
      copy.remove(i);
      out.add(List.copyOf(copy));
    }
    return out;
  }
}
