package io.hvcluster.core.report;

import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import java.util.EnumMap;
import java.util.Map;

/** The colours of the timeline: one per VM state, node state, quorum state and marker kind. */
final class Palette {
  static final Map<VmState, String> VM = new EnumMap<>(VmState.class);
  static final Map<NodeState, String> NODE = new EnumMap<>(NodeState.class);
  static final String QUORUM_HELD = "#66bb6a";
  static final String QUORUM_LOST = "#e53935";
  static final String NOT_FORMED = "#cfd8dc";
  static final String FAULT = "#c62828";
  static final String HEAL = "#2e7d32";
  static final String ACTION = "#1565c0";
  static final String FAILOVER = "#ef6c00";
  static final String GUEST = "#6a1b9a";
  static final String MIGRATION = "#5e35b1";
  static final String MIGRATION_FAILED = "#d81b60";

  static {
    VM.put(VmState.OFF, "#eceff1");
    VM.put(VmState.STARTING, "#9ccc65");
    VM.put(VmState.RUNNING, "#2e7d32");
    VM.put(VmState.SAVING, "#fb8c00");
    VM.put(VmState.SAVED, "#ffb74d");
    VM.put(VmState.RESTORING, "#fdd835");
    VM.put(VmState.MIGRATING, "#1e88e5");
    VM.put(VmState.STOPPING, "#90a4ae");
    VM.put(VmState.FAILED, "#c62828");
    NODE.put(NodeState.JOINING, "#64b5f6");
    NODE.put(NodeState.UP, "#66bb6a");
    NODE.put(NodeState.PAUSED, "#ffca28");
    NODE.put(NodeState.DOWN, "#e53935");
  }

  private Palette() {}

  static String quorum(String state) {
    return switch (RunRecord.Quorum.valueOf(state)) {
      case HELD -> QUORUM_HELD;
      case LOST -> QUORUM_LOST;
      case NOT_FORMED -> NOT_FORMED;
    };
  }

  static String quorumLabel(String state) {
    return switch (RunRecord.Quorum.valueOf(state)) {
      case HELD -> "quorum";
      case LOST -> "NO QUORUM";
      case NOT_FORMED -> "not formed";
    };
  }
}
