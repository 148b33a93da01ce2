package io.hvcluster.testkit.property;

import org.opentest4j.TestAbortedException;

/** What one run of a property body did: passed, failed with an error, or was discarded. */
record Outcome(Throwable error, boolean discarded) {
  static final Outcome PASSED = new Outcome(null, false);
  static final Outcome DISCARDED = new Outcome(null, true);

  boolean failed() {
    return error != null;
  }

  static <T> Outcome run(Property.Body<T> body, T value, TryInfo info) {
    try {
      body.run(value, info);
      return PASSED;
    } catch (TestAbortedException e) {
      return DISCARDED;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      return new Outcome(e, false);
    }
  }
}
