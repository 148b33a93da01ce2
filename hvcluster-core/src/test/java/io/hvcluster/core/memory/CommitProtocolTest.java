package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A save killed at any step, with the file of that step torn or damaged, leaves either the previous
 * generation or the new one committed and intact, never neither; the next save then works.
 */
final class CommitProtocolTest {
  private static final VmId VM = VmId.of("file-srv");

  @TempDir Path lun;
  @TempDir Path source;
  @TempDir Path target;

  /** Thrown by the observer: the save stops where a crash would have stopped it, without cleaning up. */
  private static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(SaveStage stage) {
      super("crashed after " + stage);
    }
  }

  enum Damage {
    NONE, TRUNCATE_HALF, FLIP_BYTES
  }

  private static void damage(Path file, Damage damage) throws IOException {
    if (damage == Damage.NONE || !Files.isRegularFile(file)) {
      return;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      if (damage == Damage.TRUNCATE_HALF) {
        raf.setLength(raf.length() / 2);
      } else {
        for (long at = 0; at < raf.length(); at += 4096) {
          raf.seek(Math.min(at + 17, raf.length() - 1));
          raf.write(0x5A);
        }
      }
    }
  }

  private static boolean committedBy(SaveStage stage) {
    return stage.compareTo(SaveStage.COMMITTED) >= 0;
  }

  private static void assertHolds(SavedStateStore store, GuestWorkload expected, long generation, Path target)
      throws Exception {
    assertThat(store.verify(VM).generation()).isEqualTo(generation);
    for (RestoreMode mode : RestoreMode.values()) {
      try (GuestMemory back = store.restore(VM, mode, target).memory()) {
        assertThat(expected.verify(back).ok()).as("%s restore of generation %d", mode, generation).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SaveStage.class)
  void aSaveKilledAtAnyStepKeepsACommittedGeneration(SaveStage crashAt) throws Exception {
    for (Damage damage : Damage.values()) {
      Path dir = Files.createDirectory(lun.resolve(crashAt + "-" + damage));
      GuestWorkload first = GuestWorkload.create(1, VM, 512, 0, 1);
      GuestWorkload second = GuestWorkload.create(1, VM, 512, 0, 1);
      try (GuestMemory memory = GuestMemories.real(VM, 2 << 20, source, 256 * 1024)) {
        first.fill(memory, 0, 100);
        SavedStateStore.in(dir).save(memory);
        second.fill(memory, 0, 100);
        second.fill(memory, 50, 300);
        SavedStateStore crashing = new SavedStateStore(dir, (stage, file) -> {
          if (stage == crashAt) {
            // A crash before the commit can tear what it wrote; after the commit everything was forced.
            if (!committedBy(stage)) {
              damage(file, damage);
            }
            throw new SimulatedCrash(stage);
          }
        });
        assertThatThrownBy(() -> crashing.save(memory)).isInstanceOf(SimulatedCrash.class);

        // Synchronous cleanup, so that the directory listing below does not race the deletion.
        SavedStateStore store = new SavedStateStore(dir, SaveObserver.NONE);
        String why = "killed after " + crashAt + " with " + damage;
        if (committedBy(crashAt)) {
          assertHolds(store, second, 2, target);
        } else {
          assertThat(store.info(VM).generation()).as(why).isEqualTo(1);
          assertHolds(store, first, 1, target);
        }
        SaveReport next = store.save(memory);
        assertThat(next.info().generation()).as(why).isEqualTo(committedBy(crashAt) ? 3 : 2);
        assertHolds(store, second, next.info().generation(), target);
        try (var files = Files.list(dir)) {
          assertThat(files.map(p -> p.getFileName().toString()))
              .as(why).containsExactlyInAnyOrder("file-srv.vsv", next.memoryFile().getFileName().toString(),
              "file-srv.lock");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = SaveStage.class, names = {"MEMORY_WRITTEN", "MEMORY_FORCED", "MEMORY_RENAMED",
      "HEADER_WRITTEN", "HEADER_FORCED"})
  void aFirstSaveKilledBeforeItsCommitIsReportedAsIncomplete(SaveStage crashAt) throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, source)) {
      GuestWorkload.create(1, VM, 256, 0, 1).fill(memory, 0, 10);
      SavedStateStore crashing = new SavedStateStore(lun, (stage, file) -> {
        if (stage == crashAt) {
          throw new SimulatedCrash(stage);
        }
      });
      assertThatThrownBy(() -> crashing.save(memory)).isInstanceOf(SimulatedCrash.class);
    }
    assertThatThrownBy(() -> SavedStateStore.in(lun).verify(VM))
        .isInstanceOf(CorruptSavedStateException.class)
        .hasMessageContaining("file-srv.vsv")
        .hasMessageContaining("incomplete: ")
        .hasMessageNotContaining("missing");
    if (crashAt == SaveStage.MEMORY_RENAMED) {
      // Nothing but the memory file is left: no temporary file tells of the save, the memory file does.
      try (var files = Files.list(lun)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("file-srv.bin",
            "file-srv.lock");
      }
      assertThatThrownBy(() -> SavedStateStore.in(lun).verify(VM))
          .hasMessageContaining("incomplete: a memory file without a header (an interrupted save)");
    }
  }
}
