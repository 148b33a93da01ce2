/**
 * The hvcluster testkit: fault injection, shrinkable fault plans, invariant checkers, histories, and a
 * small property engine on JUnit 5.
 */
module io.hvcluster.testkit {
  requires transitive io.hvcluster.core;
  requires transitive org.junit.jupiter.api;
}
