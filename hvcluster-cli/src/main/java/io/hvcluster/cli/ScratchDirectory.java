package io.hvcluster.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scratch directory {@code DIR/<prefix><random>} that a command works in and deletes when it closes.
 * While in use it holds a lock on a file inside it; the operating system drops that lock when the process
 * ends, however it ends, so a later run tells a directory that a killed run left behind (not locked) from
 * one another run is using (locked), and {@link #removeAbandoned} deletes only the first kind.
 *
 * <p>Not thread-safe. Example:
 *
 * <pre>{@code
 * ScratchDirectory.removeAbandoned(dir, "save-bench-hosts-");
 * try (ScratchDirectory scratch = ScratchDirectory.create(dir, "save-bench-hosts-")) {
 *   work(scratch.path());
 * }
 * }</pre>
 */
final class ScratchDirectory implements AutoCloseable {
  /** The file whose lock marks the directory as in use. */
  static final String LOCK_FILE = "in-use.lock";

  private final Path path;
  private final FileChannel lockChannel;

  private ScratchDirectory(Path path, FileChannel lockChannel) {
    this.path = path;
    this.lockChannel = lockChannel;
  }

  /**
   * Creates a new scratch directory in {@code parent} and marks it as in use.
   *
   * @param parent an existing directory
   * @param prefix the start of the directory's name
   */
  static ScratchDirectory create(Path parent, String prefix) throws IOException {
    Path path = Files.createTempDirectory(parent, prefix);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      // The lock lives as long as the channel: until close(), or until the process ends.
      if (channel.tryLock() == null) {
        throw new IOException("cannot lock " + path.resolve(LOCK_FILE) + ", a file this run has just created");
      }
      return new ScratchDirectory(path, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      deleteTree(path);
      throw e;
    }
  }

  /** Returns the directory. */
  Path path() {
    return path;
  }

  /**
   * Deletes the directories named {@code <prefix>…} directly in {@code parent} that no running process
   * holds: those a killed run left behind. Nothing else is touched: not other names, not symbolic links,
   * not files, not anything outside {@code parent}.
   *
   * @param parent the directory to clean up
   * @param prefix the start of the scratch directories' names
   * @return the directories deleted
   */
  static List<Path> removeAbandoned(Path parent, String prefix) throws IOException {
    List<Path> candidates;
    try (Stream<Path> files = Files.list(parent)) {
      candidates = files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(prefix) && name.length() > prefix.length()
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      }).sorted().collect(Collectors.toList());
    }
    List<Path> removed = new ArrayList<>();
    for (Path candidate : candidates) {
      if (!inUse(candidate)) {
        deleteTree(candidate);
        removed.add(candidate);
      }
    }
    return removed;
  }

  /**
   * Returns whether a running process holds a scratch directory. A directory without a lock file is not
   * held: a run was killed between creating it and locking (or an older version, which did not lock,
   * left it).
   */
  private static boolean inUse(Path dir) throws IOException {
    Path lockFile = dir.resolve(LOCK_FILE);
    if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      // This JVM holds it: a run in progress in the same process (as in tests). Closing this channel may
      // drop the operating system's lock of that run (POSIX locks are per process), but not this JVM's.
      return true;
    }
  }

  /** Releases the lock and deletes the directory with everything in it. */
  @Override
  public void close() throws IOException {
    // Closed first: some platforms cannot delete a file that is open.
    lockChannel.close();
    deleteTree(path);
  }

  /** Deletes a directory tree without following symbolic links; nothing happens when it does not exist. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Files.walk does not follow symbolic links: a link inside is deleted, not what it points to.
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
