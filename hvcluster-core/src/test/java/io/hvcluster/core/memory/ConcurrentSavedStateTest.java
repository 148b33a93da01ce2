package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many readers and writers of one VM's saved state at once, in threads and in other processes: every
 * verify and restore sees one complete committed generation, and no save loses the one before it, so
 * the last generation counts every save. Before the lock, readers saw committed states as missing and
 * two writers destroyed both generations.
 */
final class ConcurrentSavedStateTest {
  private static final int SAVES = 8;
  private static final int READS = 16;

  @TempDir Path dir;

  private Path lun;

  private long saveFirstGeneration() throws Exception {
    lun = Files.createDirectory(dir.resolve("lun"));
    try (GuestMemory memory = GuestMemories.real(SavedStateChild.VM, TaggedContent.MEMORY_BYTES,
        Files.createDirectory(dir.resolve("first")), TaggedContent.CHUNK_BYTES)) {
      TaggedContent.write(memory, 1);
      return SavedStateStore.in(lun).save(memory).info().generation();
    }
  }

  private Callable<Void> writer(String name, long firstTag) {
    return () -> {
      SavedStateChild.writer(lun, Files.createDirectory(dir.resolve(name)), SAVES, firstTag);
      return null;
    };
  }

  private Callable<Void> reader(String name, SavedStateStore store) {
    return () -> {
      Path host = Files.createDirectory(dir.resolve(name));
      long last = 0;
      for (int i = 0; i < READS; i++) {
        long generation = store.verify(SavedStateChild.VM).generation();
        var restored = store.restore(SavedStateChild.VM, i % 2 == 0 ? RestoreMode.LAZY : RestoreMode.EAGER, host);
        try (GuestMemory back = restored.memory()) {
          TaggedContent.check(back);
        }
        assertThat(generation).as(name).isGreaterThanOrEqualTo(last);
        last = restored.info().generation();
      }
      return null;
    };
  }

  private static void runAll(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<Void> future : futures) {
        future.get(ChildJvm.LIMIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readersAndWritersInThreadsSeeOnlyCommittedGenerations() throws Exception {
    long first = saveFirstGeneration();
    SavedStateStore shared = SavedStateStore.in(lun);
    SavedStateStore unlocked = new SavedStateStore(lun, SaveObserver.NONE, true, DirectorySync.REPORT, null, false,
        SavedStateWriter.DirectoryForce.FSYNC);
    runAll(List.of(writer("w1", 1_000_000), writer("w2", 2_000_000), reader("r1", shared), reader("r2", shared),
        reader("r3", SavedStateStore.in(lun)), reader("unlocked", unlocked)));
    assertThat(shared.verify(SavedStateChild.VM).generation()).isEqualTo(first + 2 * SAVES);
  }

  @Test
  void readersAndWritersInThreadsAndProcessesSeeOnlyCommittedGenerations() throws Exception {
    long first = saveFirstGeneration();
    List<ChildJvm> children = new ArrayList<>();
    try {
      for (int i = 1; i <= 2; i++) {
        children.add(ChildJvm.start(dir, SavedStateChild.class, "writer", lun.toString(),
            Files.createDirectory(dir.resolve("child-w" + i)).toString(), String.valueOf(SAVES),
            String.valueOf(i * 1_000_000L)));
        children.add(ChildJvm.start(dir, SavedStateChild.class, "reader", lun.toString(),
            Files.createDirectory(dir.resolve("child-r" + i)).toString(), String.valueOf(READS)));
      }
      for (ChildJvm child : children) {
        child.awaitLine("ready");
      }
      for (ChildJvm child : children) {
        child.send("go");
      }
      SavedStateStore store = SavedStateStore.in(lun);
      runAll(List.of(writer("w3", 3_000_000), reader("r1", store), reader("r2", store)));
      for (ChildJvm child : children) {
        assertThat(child.finish()).as(child.describe()).isZero();
      }
    } finally {
      children.forEach(ChildJvm::close);
    }
    assertThat(SavedStateStore.in(lun).verify(SavedStateChild.VM).generation()).isEqualTo(first + 3 * SAVES);
  }
}
