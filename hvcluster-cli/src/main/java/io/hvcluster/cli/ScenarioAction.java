package io.hvcluster.cli;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One timed action of a scenario: what to do ({@link ActionKind}), to which targets, and when (virtual
 * time from the start of the run).
 *
 * @param index the action's position in {@code $.actions}, for messages
 * @param at when it happens
 * @param kind what it does
 * @param target what it acts on
 * @param note why, in the scenario's words; empty when not given
 */
record ScenarioAction(int index, Duration at, ActionKind kind, Target target, String note) {
  /** The targets of an action; the shape follows {@link ActionKind.Shape}. */
  sealed interface Target permits OnHost, OnVm, Move, MoveGroup, OnLink, OnLun, Sides, OnCluster {}

  /** A host or node. */
  record OnHost(HostId host) implements Target {}

  /** A VM. */
  record OnVm(VmId vm) implements Target {}

  /** A VM and the node it should move to. */
  record Move(VmId vm, HostId to) implements Target {}

  /** A group and the node it should move to, or empty for the best possible node. */
  record MoveGroup(String group, java.util.Optional<HostId> to) implements Target {}

  /** A one-way heartbeat link. */
  record OnLink(HostId from, HostId to) implements Target {}

  /** A LUN. */
  record OnLun(LunId lun) implements Target {}

  /** Disjoint sides of a partition; hosts not named form one more side. */
  record Sides(List<Set<HostId>> sides) implements Target {
    Sides {
      sides = sides.stream().map(Set::copyOf).toList();
    }
  }

  /** The whole cluster. */
  record OnCluster() implements Target {}

  /** Returns the JSON path of the action in its scenario file. */
  String path() {
    return "$.actions[" + index + "]";
  }

  /** Returns the action in one line, for example {@code quick-migrate web to node3}. */
  String describe() {
    return kind.id + targetText();
  }

  private String targetText() {
    if (target instanceof OnHost t) {
      return " " + t.host();
    } else if (target instanceof OnVm t) {
      return " " + t.vm();
    } else if (target instanceof Move t) {
      return " " + t.vm() + " to " + t.to();
    } else if (target instanceof MoveGroup t) {
      return " " + t.group() + " to " + t.to().map(HostId::name).orElse("the best possible node");
    } else if (target instanceof OnLink t) {
      return " " + t.from() + " → " + t.to();
    } else if (target instanceof OnLun t) {
      return " " + t.lun();
    } else if (target instanceof Sides t) {
      return " " + t.sides().stream().map(s -> s.stream().map(HostId::name).sorted().collect(Collectors.joining(" ", "[", "]")))
          .collect(Collectors.joining(" | "));
    }
    return "";
  }
}
