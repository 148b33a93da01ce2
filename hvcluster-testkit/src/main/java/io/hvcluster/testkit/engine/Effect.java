package io.hvcluster.testkit.engine;

/** How to heal one applied fault. */
@FunctionalInterface
interface Effect {
  /** An effect for faults that need no healing (instantaneous ones). */
  Effect NONE = healPhase -> "nothing to heal";

  /**
   * Heals the fault.
   *
   * @param healPhase true when the plan's heal phase heals it, false when its own duration ended
   * @return what was healed, for the history
   */
  String heal(boolean healPhase);
}
