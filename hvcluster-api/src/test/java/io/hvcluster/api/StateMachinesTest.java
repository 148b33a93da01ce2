package io.hvcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks every (from, to) pair of every state machine against the tables written out here, independently
 * of the enums' own tables.
 */
final class StateMachinesTest {
  private static final Map<NodeState, Set<NodeState>> NODE = Map.of(
      NodeState.JOINING, EnumSet.of(NodeState.UP, NodeState.DOWN),
      NodeState.UP, EnumSet.of(NodeState.PAUSED, NodeState.DOWN),
      NodeState.PAUSED, EnumSet.of(NodeState.UP, NodeState.DOWN),
      NodeState.DOWN, EnumSet.of(NodeState.JOINING));

  private static final Map<VmState, Set<VmState>> VM = Map.of(
      VmState.OFF, EnumSet.of(VmState.STARTING),
      VmState.STARTING, EnumSet.of(VmState.RUNNING, VmState.FAILED, VmState.OFF, VmState.STOPPING),
      VmState.RUNNING, EnumSet.of(VmState.STOPPING, VmState.SAVING, VmState.MIGRATING, VmState.FAILED, VmState.OFF),
      VmState.SAVING, EnumSet.of(VmState.SAVED, VmState.RUNNING, VmState.FAILED, VmState.OFF),
      VmState.SAVED, EnumSet.of(VmState.RESTORING, VmState.OFF),
      VmState.RESTORING, EnumSet.of(VmState.RUNNING, VmState.FAILED, VmState.SAVED, VmState.OFF),
      VmState.MIGRATING, EnumSet.of(VmState.RUNNING, VmState.SAVING, VmState.FAILED, VmState.OFF),
      VmState.STOPPING, EnumSet.of(VmState.OFF, VmState.FAILED),
      VmState.FAILED, EnumSet.of(VmState.STARTING, VmState.OFF));

  private static final Map<GroupState, Set<GroupState>> GROUP = Map.of(
      GroupState.OFFLINE, EnumSet.of(GroupState.ONLINE_PENDING, GroupState.FAILED),
      GroupState.ONLINE_PENDING, EnumSet.of(GroupState.ONLINE, GroupState.FAILED, GroupState.OFFLINE,
          GroupState.OFFLINE_PENDING),
      GroupState.ONLINE, EnumSet.of(GroupState.OFFLINE_PENDING, GroupState.FAILED, GroupState.OFFLINE),
      GroupState.OFFLINE_PENDING, EnumSet.of(GroupState.OFFLINE, GroupState.FAILED, GroupState.ONLINE),
      GroupState.FAILED, EnumSet.of(GroupState.ONLINE_PENDING, GroupState.OFFLINE));

  private static final Map<LunState, Set<LunState>> LUN = Map.of(
      LunState.OFFLINE, EnumSet.of(LunState.ARBITRATING, LunState.FAILED),
      LunState.ARBITRATING, EnumSet.of(LunState.ONLINE, LunState.OFFLINE, LunState.FAILED),
      LunState.ONLINE, EnumSet.of(LunState.ARBITRATING, LunState.OFFLINE, LunState.FAILED),
      LunState.FAILED, EnumSet.of(LunState.OFFLINE, LunState.ARBITRATING, LunState.ONLINE));

  @Test
  void nodeTransitionsMatchTheTableForEveryPair() {
    for (NodeState from : NodeState.values()) {
      for (NodeState to : NodeState.values()) {
        boolean allowed = NODE.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
        if (allowed) {
          assertThat(from.checkTransition("node 'n1'", to, "test")).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.checkTransition("node 'n1'", to, "test"))
              .isInstanceOf(IllegalStateTransitionException.class)
              .hasMessage("node 'n1' cannot go from " + from + " to " + to + " (test)");
        }
      }
      assertThat(from.successors()).isEqualTo(NODE.get(from));
    }
  }

  @Test
  void vmTransitionsMatchTheTableForEveryPair() {
    for (VmState from : VmState.values()) {
      for (VmState to : VmState.values()) {
        boolean allowed = VM.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
        if (!allowed) {
          assertThatThrownBy(() -> from.checkTransition("VM 'web1'", to, "operator start"))
              .isInstanceOfSatisfying(IllegalStateTransitionException.class, e -> {
                assertThat(e.entity()).isEqualTo("VM 'web1'");
                assertThat(e.from()).isEqualTo(from.name());
                assertThat(e.to()).isEqualTo(to.name());
              })
              .hasMessageContaining("operator start");
        }
      }
      assertThat(from.successors()).isEqualTo(VM.get(from));
    }
  }

  @Test
  void groupTransitionsMatchTheTableForEveryPair() {
    for (GroupState from : GroupState.values()) {
      for (GroupState to : GroupState.values()) {
        boolean allowed = GROUP.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
        if (!allowed) {
          assertThatThrownBy(() -> from.checkTransition("group 'g'", to, "test"))
              .isInstanceOf(IllegalStateTransitionException.class);
        }
      }
    }
  }

  @Test
  void lunTransitionsMatchTheTableForEveryPair() {
    for (LunState from : LunState.values()) {
      for (LunState to : LunState.values()) {
        boolean allowed = LUN.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
        if (!allowed) {
          assertThatThrownBy(() -> from.checkTransition("LUN 'l'", to, "test"))
              .isInstanceOf(IllegalStateTransitionException.class);
        }
      }
    }
  }

  @Test
  void noStateMayTransitionToItself() {
    for (NodeState s : NodeState.values()) {
      assertThat(s.canTransitionTo(s)).isFalse();
    }
    for (VmState s : VmState.values()) {
      assertThat(s.canTransitionTo(s)).isFalse();
    }
    for (GroupState s : GroupState.values()) {
      assertThat(s.canTransitionTo(s)).isFalse();
    }
    for (LunState s : LunState.values()) {
      assertThat(s.canTransitionTo(s)).isFalse();
    }
  }

  @Test
  void executingStatesAreThoseThatRunGuestCode() {
    assertThat(EnumSet.allOf(VmState.class).stream().filter(VmState::isExecuting))
        .containsExactlyInAnyOrder(VmState.STARTING, VmState.RUNNING, VmState.MIGRATING, VmState.STOPPING);
    assertThat(EnumSet.allOf(VmState.class).stream().filter(s -> !s.holdsMemory()))
        .containsExactlyInAnyOrder(VmState.OFF, VmState.SAVED, VmState.FAILED);
  }
}
