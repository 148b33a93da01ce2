package io.hvcluster.examples;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import io.hvcluster.core.memory.GuestMemories;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.memory.RestoreReport;
import io.hvcluster.core.memory.SaveReport;
import io.hvcluster.core.memory.SavedStateStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A saved state with real bytes, end to end: a 256 MiB VM whose guest has written 32 MiB of it is saved
 * to a saved-state file on a "LUN" (a directory), verified (its header and every chunk's CRC32C),
 * restored eagerly and lazily on a "target host" (another directory) and compared page for page with
 * what the guest wrote. Then one byte of the memory file is flipped, as bit rot on a SAN would, and
 * both the verification and a restore refuse the saved state: the cluster would cold-boot the VM
 * rather than resume it with corrupt memory.
 *
 * <p>Everything happens in a temporary directory that the program deletes. The page contents come from
 * a seeded {@link GuestWorkload}, so every run writes the same bytes. The file format is in
 * docs/saved-state-format.md.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.SavedStateRoundTrip}.
 */
public final class SavedStateRoundTrip {
  private static final VmId VM = VmId.of("web");
  private static final long MEMORY = 256L << 20;
  private static final long TOUCHED_PAGES = (32L << 20) / GuestMemory.PAGE_SIZE;

  private SavedStateRoundTrip() {}

  /** Returns one line per step of the round trip, in a temporary directory under {@code parent}. */
  public static List<String> run(Path parent) throws IOException {
    Path work = Files.createTempDirectory(parent, "saved-state-example-");
    try {
      return roundTrip(Files.createDirectory(work.resolve("lun")), Files.createDirectory(work.resolve("source")),
          Files.createDirectory(work.resolve("target")));
    } finally {
      deleteTree(work);
    }
  }

  private static List<String> roundTrip(Path lun, Path source, Path target) throws IOException {
    List<String> steps = new ArrayList<>();
    GuestWorkload guest = GuestWorkload.create(42, VM, MEMORY / GuestMemory.PAGE_SIZE, 0, 1);
    SavedStateStore store = SavedStateStore.in(lun);
    SaveReport saved;
    // Chunks of 16 MiB, each with its own CRC32C, so that damage is found and reported chunk by chunk.
    try (GuestMemory memory = GuestMemories.real(VM, MEMORY, source, 16 << 20)) {
      guest.fillSpread(memory, TOUCHED_PAGES);
      saved = store.save(memory);
    }
    steps.add("saved generation " + saved.info().generation() + ": " + saved.storedPages() + " pages, "
        + (saved.bytesWritten() >> 20) + " MiB written to " + saved.memoryFile().getFileName());
    SavedStateInfo verified = store.verify(VM);
    steps.add("verified: " + verified.chunkCount() + " chunks, every CRC32C matches");
    for (RestoreMode mode : RestoreMode.values()) {
      RestoreReport restored = store.restore(VM, mode, target);
      try (GuestMemory back = restored.memory()) {
        GuestWorkload.Verification check = guest.verify(back);
        steps.add(mode + " restore: " + (check.ok() ? check.pagesChecked() + " pages match what the guest wrote"
            : "MISMATCH: " + check.problem()));
      }
    }
    flipOneByte(saved.memoryFile());
    steps.add("flipped one byte of " + saved.memoryFile().getFileName());
    steps.add("verify after the damage: " + refusal(() -> store.verify(VM)));
    steps.add("restore after the damage: "
        + refusal(() -> store.restore(VM, RestoreMode.EAGER, target).memory().close()));
    try {
      // A save deletes the generation it supersedes in the background; wait for it before deleting the directory.
      store.awaitCleanup();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the store cleaned up");
    }
    return steps;
  }

  /** Flips the lowest bit of the first byte: page 0 is stored, the guest wrote it. */
  private static void flipOneByte(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, 0);
      b.put(0, (byte) (b.get(0) ^ 1));
      ch.write(b.rewind(), 0);
    }
  }

  /** An action on the saved state that is expected to be refused. */
  private interface Check {
    void run() throws IOException;
  }

  private static String refusal(Check check) {
    try {
      check.run();
      return "ACCEPTED (this should not happen)";
    } catch (IOException | UncheckedIOException e) {
      return "refused (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Prints each step of the round trip, in the system's temporary directory.
   *
   * @param args ignored
   * @throws IOException when the temporary directory cannot be used
   */
  public static void main(String[] args) throws IOException {
    run(Path.of(System.getProperty("java.io.tmpdir"))).forEach(System.out::println);
  }
}
