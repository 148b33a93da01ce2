package io.hvcluster.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's {@code main} and returns what it printed. */
final class Mains {
  /** An example's main method. */
  interface Main {
    void run() throws Exception;
  }

  private Mains() {}

  static String stdout(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.out.flush();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
