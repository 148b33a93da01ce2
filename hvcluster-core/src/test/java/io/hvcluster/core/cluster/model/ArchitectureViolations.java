package io.hvcluster.core.cluster.model;

import io.hvcluster.core.cluster.failover.Failover;

/**
 * Deliberate breaches of the engine's architecture rules, compiled with the tests only, so that
 * ArchitectureTest can show each rule fails on what it forbids: a field written from another class, and
 * the model depending on a feature package.
 */
final class ArchitectureViolations {
  private ArchitectureViolations() {}

  /** The model may not know the failover engine. */
  static Class<?> modelDependsOnAFeature() {
    return Failover.class;
  }
}

/** A class whose field another class writes. */
final class ViolatedOwner {
  int state;
}

/** Writes {@link ViolatedOwner}'s field from outside. */
final class FieldIntruder {
  void poke(ViolatedOwner owner) {
    owner.state = 1;
  }
}
