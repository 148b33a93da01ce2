package io.hvcluster.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Builds and checks the transition tables of the state enums; one place for all of them. */
final class Transitions {
  private Transitions() {}

  /**
   * Builds an immutable table from alternating (state, successors) arguments; every state must be
   * listed exactly once.
   */
  @SuppressWarnings("unchecked")
  static <S extends Enum<S>> Map<S, Set<S>> table(Class<S> type, Object... rows) {
    EnumMap<S, Set<S>> table = new EnumMap<>(type);
    for (int i = 0; i < rows.length; i += 2) {
      S from = (S) rows[i];
      Set<S> next = (Set<S>) rows[i + 1];
      if (table.put(from, Collections.unmodifiableSet(EnumSet.copyOf(next.isEmpty() ? EnumSet.noneOf(type) : next))) != null) {
        throw new AssertionError(type.getSimpleName() + "." + from + " listed twice");
      }
    }
    for (S state : type.getEnumConstants()) {
      if (!table.containsKey(state)) {
        throw new AssertionError(type.getSimpleName() + "." + state + " has no row");
      }
    }
    return Collections.unmodifiableMap(table);
  }

  static <S extends Enum<S>> S check(Map<S, Set<S>> table, String entity, S from, S to, String cause) {
    if (!table.get(from).contains(to)) {
      throw new IllegalStateTransitionException(entity, from, to, cause);
    }
    return to;
  }
}
