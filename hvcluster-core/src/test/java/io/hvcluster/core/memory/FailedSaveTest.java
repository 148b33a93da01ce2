package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A save that fails (a full disk, a refused directory sync, a file planted at a temporary name) leaves
 * the previous generation intact and none of its own files behind, and says which file failed and why.
 */
final class FailedSaveTest {
  private static final VmId VM = VmId.of("exch-01");

  @TempDir Path lun;
  @TempDir Path source;
  @TempDir Path outside;

  private GuestMemory memory;
  private GuestWorkload guest;

  @BeforeEach
  void saveOneGeneration() throws Exception {
    memory = GuestMemories.real(VM, 1 << 20, source, 64 * 1024);
    guest = GuestWorkload.create(3, VM, 256, 0, 1);
    guest.fill(memory, 0, 40);
    SavedStateStore.in(lun).save(memory);
    guest.fill(memory, 20, 100);
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    memory.close();
  }

  private String files() throws IOException {
    try (Stream<Path> files = Files.list(lun)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(" "));
    }
  }

  @ParameterizedTest
  @EnumSource(value = SaveStage.class, names = {"MEMORY_WRITTEN", "MEMORY_FORCED", "MEMORY_RENAMED",
      "HEADER_WRITTEN", "HEADER_FORCED"})
  void aDiskFullAtAnyStepBeforeTheCommitDeletesTheAttemptsFilesAndNamesTheFile(SaveStage failAt) throws Exception {
    SavedStateStore failing = new SavedStateStore(lun, (stage, file) -> {
      if (stage == failAt) {
        throw new IOException("No space left on device");
      }
    });
    assertThatThrownBy(() -> failing.save(memory)).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot save VM 'exch-01'")
        .hasMessageContaining(lun.toString())
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("generation 1 is intact");
    assertThat(files()).as("after a failure at %s", failAt).isEqualTo("exch-01.bin exch-01.lock exch-01.vsv");
    assertThat(SavedStateStore.in(lun).verify(VM).generation()).isEqualTo(1);
    assertThat(SavedStateStore.in(lun).save(memory).info().generation()).isEqualTo(2);
  }

  @Test
  void aSymbolicLinkAtATemporaryNameIsNeverWrittenThrough() throws Exception {
    Path victim = Files.createFile(outside.resolve("victim"));
    Files.createSymbolicLink(lun.resolve("exch-01.bin.tmp"), victim);
    assertThatThrownBy(() -> SavedStateStore.in(lun).save(memory)).isInstanceOf(IOException.class)
        .hasMessageContaining("exch-01.bin.tmp").hasMessageContaining("symbolic link");
    assertThat(Files.size(victim)).isZero();
    assertThat(SavedStateStore.in(lun).verify(VM).generation()).isEqualTo(1);
  }

  @Test
  void aMemoryFileSwappedForALinkDuringTheSaveIsNotCommitted() throws Exception {
    Path victim = Files.createFile(outside.resolve("victim"));
    SavedStateStore swapping = new SavedStateStore(lun, (stage, file) -> {
      if (stage == SaveStage.MEMORY_WRITTEN) {
        Files.delete(file);
        Files.createSymbolicLink(file, victim);
      }
    });
    assertThatThrownBy(() -> swapping.save(memory)).isInstanceOf(IOException.class)
        .hasMessageContaining("was replaced");
    assertThat(Files.size(victim)).isZero();
    assertThat(SavedStateStore.in(lun).verify(VM).generation()).isEqualTo(1);
    assertThat(files()).isEqualTo("exch-01.bin exch-01.lock exch-01.vsv");
  }

  private SavedStateStore refusingDirectorySync(DirectorySync policy) {
    return new SavedStateStore(lun, SaveObserver.NONE, true, policy, Runnable::run, true, dir -> {
      throw new IOException("Invalid argument");
    });
  }

  @Test
  void aRefusedDirectorySyncIsReported() throws Exception {
    SaveReport saved = refusingDirectorySync(DirectorySync.REPORT).save(memory);
    assertThat(saved.directorySynced()).isFalse();
    assertThat(saved.info().generation()).isEqualTo(2);
    assertThat(SavedStateStore.in(lun).save(memory).directorySynced()).isTrue();
  }

  @Test
  void aRefusedDirectorySyncFailsTheSaveWhenRequired() throws Exception {
    assertThatThrownBy(() -> refusingDirectorySync(DirectorySync.REQUIRE).save(memory))
        .isInstanceOf(IOException.class).hasMessageContaining("DirectorySync.REQUIRE")
        .hasMessageContaining("Invalid argument").hasMessageContaining("generation 1 is intact");
    assertThat(files()).isEqualTo("exch-01.bin exch-01.lock exch-01.vsv");
    assertThat(SavedStateStore.in(lun).verify(VM).generation()).isEqualTo(1);
  }
}
