package io.hvcluster.core.memory;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The other process of the saved-state tests ({@link ChildJvm}): a writer or reader of a shared LUN
 * directory, or a scenario that crashed the JVM before the fixes. Prints {@code ready}, waits for
 * {@code go} on its input where it races others, and ends with exit code 0 when every check held.
 */
final class SavedStateChild {
  static final VmId VM = VmId.of("stress");

  private SavedStateChild() {}

  public static void main(String[] args) throws Exception {
    try {
      switch (args[0]) {
        case "writer" -> {
          awaitGo();
          writer(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
        }
        case "reader" -> {
          awaitGo();
          reader(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        }
        case "truncated-lazy" -> truncatedLazy(Path.of(args[1]), Path.of(args[2]));
        case "close-race" -> closeRace(Path.of(args[1]), Integer.parseInt(args[2]));
        default -> throw new IllegalArgumentException(args[0]);
      }
      System.out.println("ok");
      System.exit(0);
    } catch (Throwable t) {
      System.out.println("FAIL " + t);
      t.printStackTrace(System.out);
      System.exit(1);
    }
  }

  private static void awaitGo() throws Exception {
    System.out.println("ready");
    System.out.flush();
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!"go".equals(line)) {
      throw new IllegalStateException("expected go, got " + line);
    }
  }

  /** Saves {@code saves} generations, each tagged {@code firstTag + i}. */
  static void writer(Path lun, Path host, int saves, long firstTag) throws Exception {
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = GuestMemories.real(VM, TaggedContent.MEMORY_BYTES, host, TaggedContent.CHUNK_BYTES)) {
      for (int i = 0; i < saves; i++) {
        TaggedContent.write(memory, firstTag + i);
        long generation = store.save(memory).info().generation();
        System.out.println("saved " + generation);
        System.out.flush();
      }
    }
    store.awaitCleanup();
  }

  /** Verifies and restores {@code reads} times; every one must see a complete committed generation. */
  static void reader(Path lun, Path host, int reads) throws Exception {
    SavedStateStore store = SavedStateStore.in(lun);
    long last = 0;
    for (int i = 0; i < reads; i++) {
      long generation = store.verify(VM).generation();
      RestoreMode mode = i % 2 == 0 ? RestoreMode.LAZY : RestoreMode.EAGER;
      var restored = store.restore(VM, mode, host);
      try (GuestMemory back = restored.memory()) {
        TaggedContent.check(back);
      }
      if (generation < last || restored.info().generation() < generation) {
        throw new AssertionError("generations went back: " + last + ", " + generation + ", "
            + restored.info().generation());
      }
      last = restored.info().generation();
    }
    System.out.println("read up to " + last);
  }

  /** A lazily restored memory whose saved file is truncated must throw, not crash (SIGBUS before). */
  static void truncatedLazy(Path lun, Path host) throws Exception {
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = GuestMemories.real(VM, TaggedContent.MEMORY_BYTES, host, TaggedContent.CHUNK_BYTES)) {
      TaggedContent.write(memory, 7);
      store.save(memory);
    }
    Path target = Files.createDirectories(host.resolve("target"));
    try (GuestMemory back = store.restore(VM, RestoreMode.LAZY, target).memory()) {
      try (RandomAccessFile bin = new RandomAccessFile(lun.resolve("stress.bin").toFile(), "rw")) {
        bin.setLength(0);
      }
      ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
      try {
        back.readPage(3, page);
        throw new AssertionError("a page of the truncated file was read");
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof CorruptSavedStateException) || !e.getCause().getMessage().contains("truncated")) {
          throw e;
        }
        System.out.println("rejected: " + e.getCause().getMessage());
      }
    }
  }

  /** Closes memories while other threads read them; readers must see data or a closed memory, never crash. */
  static void closeRace(Path host, int rounds) throws Exception {
    ByteBuffer[] pages = new ByteBuffer[2];
    for (int round = 0; round < rounds; round++) {
      GuestMemory memory = GuestMemories.real(VM, TaggedContent.MEMORY_BYTES, host, TaggedContent.CHUNK_BYTES);
      TaggedContent.write(memory, round);
      CountDownLatch reading = new CountDownLatch(pages.length);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < pages.length; r++) {
        ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
        Thread reader = new Thread(() -> {
          reading.countDown();
          try {
            for (long p = 0; ; p = (p + 1) % (TaggedContent.PAGES + 1)) {
              memory.readPage(p, page.clear());
            }
          } catch (IllegalStateException e) {
            if (!e.getMessage().contains("is closed")) {
              failure.set(e);
            }
          } catch (Throwable t) {
            failure.set(t);
          }
        });
        reader.start();
        readers.add(reader);
      }
      reading.await();
      memory.close();
      for (Thread reader : readers) {
        reader.join();
      }
      if (failure.get() != null) {
        throw new AssertionError("round " + round, failure.get());
      }
    }
  }
}
