package io.hvcluster.core.memory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lock of one VM's saved state: a {@code FileChannel} lock on {@code <vm>.lock} in the LUN
 * directory, which the operating system drops when its process ends, however it ends. A save holds it
 * exclusively from reading the committed header to retiring the previous generation; a reader holds it
 * shared while it reads the header and opens the memory file the header names (after that the open file
 * stays readable whatever later saves rename or delete, because a committed memory file is never
 * modified).
 *
 * <p>A file lock excludes other processes but not other threads of this one (Java even refuses a
 * second lock on the same file in one JVM), so each lock file also has a fair read-write lock for the
 * threads of this JVM, and one channel at a time holds the operating system's lock: the writer's, or
 * one shared by this JVM's readers. Because closing any channel of a file drops every POSIX lock this
 * process holds on it, the lock file is opened only here. The lock file is never deleted: a process
 * waiting on a deleted file would lock a file nobody else can see.
 *
 * <p>Thread-safe.
 */
final class SavedStateLock {
  /** The lock files of this JVM in use, by real path; guarded by itself. */
  private static final Map<Path, Entry> ENTRIES = new HashMap<>();

  /** A held lock; closing it releases it. */
  interface Held extends AutoCloseable {
    /**
     * Returns whether the lock is really held: false when a reader could neither create nor open the
     * lock file (a read-only file system, or someone else's file), so it must check what it read.
     */
    boolean locked();

    @Override
    void close() throws IOException;
  }

  private static final class Entry {
    final Path file;
    final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
    /** Threads holding or waiting for this entry; guarded by {@link #ENTRIES}. */
    int users;
    /** The channel whose shared lock this JVM's readers hold, and how many hold it; guarded by this. */
    FileChannel shared;
    int readers;
    boolean sharedUnlocked;

    Entry(Path file) {
      this.file = file;
    }
  }

  private SavedStateLock() {}

  /** Takes the lock of {@code file} exclusively, waiting for readers and writers of every process. */
  static Held exclusive(Path file) throws IOException {
    Entry entry = enter(file);
    try {
      entry.threads.writeLock().lockInterruptibly();
    } catch (InterruptedException e) {
      leave(entry);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the lock " + file);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, options(StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE), OwnerOnlyFiles.ownerOnly(file.getParent()));
      lock(channel, file, false);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      entry.threads.writeLock().unlock();
      leave(entry);
      throw e;
    }
    FileChannel held = channel;
    return new Held() {
      @Override
      public boolean locked() {
        return true;
      }

      @Override
      public void close() throws IOException {
        try {
          held.close();
        } finally {
          entry.threads.writeLock().unlock();
          leave(entry);
        }
      }
    };
  }

  /**
   * Takes the lock of {@code file} shared with other readers, waiting for a writer of any process. When
   * the lock file can be neither created nor opened for lack of permission or a read-only file system,
   * returns a held lock that is not {@linkplain Held#locked() locked}.
   */
  static Held shared(Path file) throws IOException {
    Entry entry = enter(file);
    try {
      entry.threads.readLock().lockInterruptibly();
    } catch (InterruptedException e) {
      leave(entry);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the lock " + file);
    }
    boolean locked;
    try {
      synchronized (entry) {
        if (entry.readers == 0) {
          entry.shared = openForReading(file);
          entry.sharedUnlocked = entry.shared == null;
          if (entry.shared != null) {
            try {
              lock(entry.shared, file, true);
            } catch (IOException | RuntimeException e) {
              closeQuietly(entry.shared, e);
              entry.shared = null;
              throw e;
            }
          }
        }
        entry.readers++;
        locked = !entry.sharedUnlocked;
      }
    } catch (IOException | RuntimeException e) {
      entry.threads.readLock().unlock();
      leave(entry);
      throw e;
    }
    return new Held() {
      @Override
      public boolean locked() {
        return locked;
      }

      @Override
      public void close() throws IOException {
        try {
          synchronized (entry) {
            if (--entry.readers == 0 && entry.shared != null) {
              FileChannel channel = entry.shared;
              entry.shared = null;
              channel.close();
            }
          }
        } finally {
          entry.threads.readLock().unlock();
          leave(entry);
        }
      }
    };
  }

  /** Opens the lock file for a shared lock, creating it if allowed; null when neither is possible. */
  private static FileChannel openForReading(Path file) throws IOException {
    try {
      return FileChannel.open(file, options(StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE), OwnerOnlyFiles.ownerOnly(file.getParent()));
    } catch (AccessDeniedException e) {
      return openExistingForReading(file);
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file) || e instanceof NoSuchFileException) {
        throw e;
      }
      // EROFS: a saved state on a read-only file system has no writer to exclude.
      return openExistingForReading(file);
    }
  }

  private static FileChannel openExistingForReading(Path file) throws IOException {
    try {
      return FileChannel.open(file, options(StandardOpenOption.READ));
    } catch (NoSuchFileException | AccessDeniedException e) {
      return null;
    }
  }

  private static void lock(FileChannel channel, Path file, boolean shared) throws IOException {
    try {
      FileLock lock = channel.lock(0, Long.MAX_VALUE, shared);
      if (lock == null) {
        throw new IOException("cannot lock " + file);
      }
    } catch (OverlappingFileLockException e) {
      throw new IOException("the lock " + file + " is already held by other code in this JVM through another"
          + " path; open each LUN directory through one path", e);
    }
  }

  private static Set<OpenOption> options(OpenOption... options) {
    Set<OpenOption> set = new java.util.HashSet<>(Set.of(options));
    set.add(LinkOption.NOFOLLOW_LINKS);
    return set;
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static Entry enter(Path file) {
    synchronized (ENTRIES) {
      Entry entry = ENTRIES.computeIfAbsent(file, Entry::new);
      entry.users++;
      return entry;
    }
  }

  private static void leave(Entry entry) {
    synchronized (ENTRIES) {
      if (--entry.users == 0) {
        ENTRIES.remove(entry.file);
      }
    }
  }
}
