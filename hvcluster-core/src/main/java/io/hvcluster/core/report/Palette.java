package io.hvcluster.core.report;

import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import java.util.EnumMap;
import java.util.Map;

/**
 * The looks of the timeline, chosen to stay apart for colour-blind readers (Okabe–Ito hues, light fills
 * under dark text): the three "something is wrong" states never rely on hue alone. A node that is
 * {@code DOWN} is solid charcoal, a node (or the cluster) without quorum is hatched with diagonal
 * vermillion stripes, and a {@code FAILED} VM is reddish purple with a cross-hatch. The patterns are
 * inline {@code <pattern>} definitions ({@link #DEFS}), not external resources.
 */
final class Palette {
  static final Map<VmState, String> VM = new EnumMap<>(VmState.class);
  static final Map<NodeState, String> NODE = new EnumMap<>(NodeState.class);
  /** The node band's look for a node that left or cannot join because its partition has no quorum. */
  static final String NODE_NO_QUORUM = "url(#no-quorum)";
  static final String QUORUM_HELD = "#a1d99b";
  static final String QUORUM_LOST = NODE_NO_QUORUM;
  static final String NOT_FORMED = "#e0e0e0";
  static final String TEXT = "#1a1a1a";
  static final String MUTED = "#455a64";
  static final String FAULT = "#d55e00";
  static final String HEAL = "#009e73";
  static final String ACTION = "#0072b2";
  static final String REFUSED = "#b23a00";
  static final String FAILOVER = "#e69f00";
  static final String GUEST = "#cc79a7";
  static final String PLACEMENT_FAILED = "#1a1a1a";
  static final String MIGRATION = "#5e35b1";
  static final String MIGRATION_FAILED = "#b23a00";
  static final String DEFS = "<pattern id=\"no-quorum\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
      + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fbe3d3\"/><rect width=\"3\""
      + " height=\"6\" fill=\"" + FAULT + "\"/></pattern><pattern id=\"vm-failed\" width=\"6\" height=\"6\""
      + " patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#cc79a7\"/><path d=\"M0,0 L6,6"
      + " M6,0 L0,6\" stroke=\"#5b1f45\" stroke-width=\"1\"/></pattern>";

  static {
    VM.put(VmState.OFF, "#eceff1");
    VM.put(VmState.STARTING, "#c7e9c0");
    VM.put(VmState.RUNNING, "#74c476");
    VM.put(VmState.SAVING, "#fdd0a2");
    VM.put(VmState.SAVED, "#e69f00");
    VM.put(VmState.RESTORING, "#f0e442");
    VM.put(VmState.MIGRATING, "#56b4e9");
    VM.put(VmState.STOPPING, "#bdbdbd");
    VM.put(VmState.FAILED, "url(#vm-failed)");
    NODE.put(NodeState.JOINING, "#9ecae1");
    NODE.put(NodeState.UP, "#a1d99b");
    NODE.put(NodeState.PAUSED, "#f0e442");
    NODE.put(NodeState.DOWN, "#3a3a3a");
  }

  private Palette() {}

  static String quorum(String state) {
    return switch (RunRecord.Quorum.valueOf(state)) {
      case HELD -> QUORUM_HELD;
      case LOST -> QUORUM_LOST;
      case NOT_FORMED -> NOT_FORMED;
    };
  }

  /** Returns the fill of a node band state: a {@link NodeState} name or {@link Lanes#NO_QUORUM}. */
  static String node(String state) {
    return state.equals(Lanes.NO_QUORUM) ? NODE_NO_QUORUM : NODE.get(NodeState.valueOf(state));
  }
}
