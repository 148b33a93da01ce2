package io.hvcluster.core.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test class path, so that a test can watch code that might
 * crash its JVM (a crash is then a failed test, not a dead build) or take part as another process.
 * It opens no sockets. Its output is read line by line; {@link #close()} destroys it if it still runs.
 */
final class ChildJvm implements AutoCloseable {
  /** The longest a child may run: a guard against a hang, never a way to wait for something. */
  static final long LIMIT_SECONDS = 180;

  private final Process process;
  private final BufferedReader out;
  private final PrintStream in;
  private final List<String> lines = new ArrayList<>();
  private final String name;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ChildJvm start(Path workDir, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    // The hang guard: a child still running after the limit is destroyed, which ends every read of its output.
    CompletableFuture.delayedExecutor(LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
    return new ChildJvm(main.getSimpleName() + " " + String.join(" ", args), process);
  }

  /** Reads output lines until one equals {@code expected}; fails if the child ends first. */
  void awaitLine(String expected) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (line.equals(expected)) {
        return;
      }
    }
    throw new AssertionError(name + " ended before printing '" + expected + "':\n" + String.join("\n", lines));
  }

  void send(String line) {
    in.println(line);
  }

  /** Reads the rest of the output, waits for the end (at most {@link #LIMIT_SECONDS}) and returns the exit code. */
  int finish() throws IOException, InterruptedException {
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
    }
    return process.waitFor();
  }

  List<String> lines() {
    return lines;
  }

  String describe() {
    return name + " (exit " + (process.isAlive() ? "none yet" : process.exitValue()) + "):\n" + String.join("\n", lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    in.close();
  }
}
