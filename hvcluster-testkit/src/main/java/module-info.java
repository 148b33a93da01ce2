/**
 * The hvcluster testkit: fault injection as data, shrinkable fault plans, generators, histories,
 * coverage probes, invariant-checker interfaces and a small property engine on JUnit 5.
 */
module io.hvcluster.testkit {
  requires static transitive org.apiguardian.api;
  requires transitive io.hvcluster.core;
  requires transitive org.junit.jupiter.api;
  requires com.fasterxml.jackson.databind;

  exports io.hvcluster.testkit.check;
  exports io.hvcluster.testkit.engine;
  exports io.hvcluster.testkit.fault;
  exports io.hvcluster.testkit.gen;
  exports io.hvcluster.testkit.history;
  exports io.hvcluster.testkit.invariant;
  exports io.hvcluster.testkit.junit;
  exports io.hvcluster.testkit.property;
  exports io.hvcluster.testkit.workload;
}
