package io.hvcluster.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process and keeps its exit code and output. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Returns a file of the repository's examples directory, found from the working directory upwards. */
  static Path example(String name) {
    return repositoryFile("examples", name);
  }

  /** Returns a file of the repository, found from the working directory upwards. */
  static Path repositoryFile(String directory, String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(directory).resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(directory + "/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
