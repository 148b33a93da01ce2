package io.hvcluster.testkit.engine;

import io.hvcluster.testkit.property.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory of one run with real memory: {@code run-<seed>} under a given base (so two runs of the
 * same seed use the same paths, which appear in saved-state error messages and so in traces), or under
 * a fresh temporary directory. It is the run's own: it is emptied before use and deleted on close.
 */
final class RunDirectory {
  private final Path path;
  private final Path ownedBase;

  private RunDirectory(Path path, Path ownedBase) {
    this.path = path;
    this.ownedBase = ownedBase;
  }

  static RunDirectory create(Path base, long seed) {
    try {
      Path owned = base == null ? Files.createTempDirectory("hvcluster-") : null;
      Path dir = (base == null ? owned : base).resolve("run-" + Seeds.format(seed).substring(2));
      deleteTree(dir);
      Files.createDirectories(dir);
      return new RunDirectory(dir, owned);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory for real memory: " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  void delete() {
    try {
      deleteTree(ownedBase != null ? ownedBase : path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run directory " + path + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // removed meanwhile by a saved-state cleaner thread
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void delete(Path p) throws IOException {
    Files.deleteIfExists(p);
  }
}
