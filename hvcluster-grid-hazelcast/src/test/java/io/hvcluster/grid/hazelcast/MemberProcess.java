package io.hvcluster.grid.hazelcast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A grid member in a JVM of its own, started from this test's class path with {@link GridMemberMain}; it
 * exits when its standard input closes, so it never outlives the test JVM.
 */
final class MemberProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  MemberProcess(String cluster, int port, List<Integer> others, Path log) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        GridMemberMain.class.getName(), "--port", Integer.toString(port), "--cluster-name", cluster, "--threads", "1",
        "--exit-when-stdin-closes"));
    if (!others.isEmpty()) {
      command.add("--members");
      command.add(String.join(",", others.stream().map(p -> "127.0.0.1:" + p).toList()));
    }
    try {
      process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("stdout broke: " + e);
      }
    }, "member-" + port + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits, at most a minute, for the member to say it has joined. */
  String awaitReady() throws InterruptedException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("ready ")) {
      throw new IllegalStateException("member did not start: " + line + " (alive: " + process.isAlive() + ")");
    }
    return line;
  }

  void kill() {
    process.destroyForcibly();
  }

  Process process() {
    return process;
  }

  /** Closes its standard input (it leaves the grid and exits), then destroys it if it has not within 30 s. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
