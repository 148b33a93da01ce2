package io.hvcluster.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds files of the repository (examples, docs) from the working directory upwards. */
final class Repository {
  private Repository() {}

  static Path example(String name) {
    return file("examples", name);
  }

  static Path file(String directory, String name) {
    return directory(directory).resolve(name);
  }

  static Path directory(String directory) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(directory);
      if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("hvcluster-json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(directory + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Returns every {@code .json} file of examples/, sorted by name. */
  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(directory("examples"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
