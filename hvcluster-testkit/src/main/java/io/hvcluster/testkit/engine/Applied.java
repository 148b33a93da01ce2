package io.hvcluster.testkit.engine;

/**
 * What applying a fault did: what it hit, for the history, and how to heal it.
 *
 * @param detail the resolved targets and what was done to them
 * @param effect how to heal it
 */
record Applied(String detail, Effect effect) {
  static Applied instant(String detail) {
    return new Applied(detail, Effect.NONE);
  }
}
