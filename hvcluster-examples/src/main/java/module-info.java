/**
 * Runnable examples of hvcluster, each a small program on the exported API only: this descriptor makes
 * the compiler refuse anything else. The programs run from the class path ({@code target/examples.jar}),
 * so the module exports nothing.
 */
module io.hvcluster.examples {
  requires io.hvcluster.core;
}
