package io.hvcluster.core;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.event.ClusterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects a simulation's events for assertions. */
final class EventLog implements ClusterListener {
  final List<ClusterEvent> events = new ArrayList<>();

  static EventLog on(Simulation sim) {
    EventLog log = new EventLog();
    sim.addListener(log);
    return log;
  }

  @Override
  public void onEvent(ClusterEvent event) {
    events.add(event);
  }

  <T extends ClusterEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends ClusterEvent> List<T> of(Class<T> type, Predicate<T> filter) {
    return of(type).stream().filter(filter).toList();
  }

  <T extends ClusterEvent> T first(Class<T> type, Predicate<T> filter) {
    return of(type, filter).stream().findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " matched among " + events.size() + " events"));
  }
}
