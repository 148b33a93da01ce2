package io.hvcluster.cli;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import io.hvcluster.core.memory.GuestMemories;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.memory.RestoreReport;
import io.hvcluster.core.memory.SaveReport;
import io.hvcluster.core.memory.SavedStateStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster save-bench}: measures the real save/restore path against a plain
 * {@code FileChannel.write} of the same bytes to the same directory, in one run. Wall-clock time is read
 * here, in the CLI, never in the library.
 */
@Command(name = "save-bench", mixinStandardHelpOptions = true,
    description = {"Fills part of a real VM's memory, saves it to DIR, restores it eagerly and lazily, verifies "
        + "every page, and times a plain FileChannel.write (plus force) of the same bytes to DIR.",
        "Lazy restore is timed 5 times (median reported; the first, with a cold JIT, separately).",
        "The VM is always named '" + SaveBenchCommand.VM_NAME + "', so a second run into DIR saves the next "
        + "generation over the first.",
        "Scratch files go to DIR/" + SaveBenchCommand.SCRATCH_PREFIX + "<random>/, deleted when the run ends; "
        + "such folders that a killed run left in DIR are deleted when the next run starts."})
final class SaveBenchCommand implements Callable<Integer> {
  static final String VM_NAME = "save-bench";
  /** The start of the scratch folders' names; folders so named in DIR belong to this command. */
  static final String SCRATCH_PREFIX = VM_NAME + "-hosts-";
  private static final int BASELINE_BUFFER = 8 << 20;
  /** Lazy restores timed; the median is reported, and the first (cold JIT) separately. */
  private static final int LAZY_RUNS = 5;

  @Spec CommandSpec spec;

  @Option(names = "--memory", required = true, paramLabel = "SIZE", converter = ByteSize.class,
      description = "The VM's memory size, e.g. 1GiB (a multiple of 4 KiB).")
  long memoryBytes;

  @Option(names = "--touched", required = true, paramLabel = "SIZE", converter = ByteSize.class,
      description = "How much of it the guest writes, e.g. 64MiB (rounded up to 4 KiB).")
  long touchedBytes;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where the saved state goes.")
  Path dir;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", converter = SeedOption.class,
      description = "Seed of the page contents, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    long touchedPages = (touchedBytes + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE;
    if (memoryBytes <= 0 || memoryBytes % GuestMemory.PAGE_SIZE != 0) {
      throw new ParameterException(spec.commandLine(), "--memory " + memoryBytes
          + " must be a positive multiple of 4096 bytes");
    }
    if (touchedPages * GuestMemory.PAGE_SIZE > memoryBytes) {
      throw new ParameterException(spec.commandLine(), "--touched " + ByteSize.format(touchedBytes)
          + " is more than --memory " + ByteSize.format(memoryBytes));
    }
    createOwnerOnlyDirectories(dir);
    // A run killed before its finally block leaves its scratch folder; the next run into DIR removes it.
    ScratchDirectory.removeAbandoned(dir, SCRATCH_PREFIX);
    VmId vm = VmId.of(VM_NAME);
    Path baselineFile = dir.resolve(VM_NAME + ".baseline");
    Files.deleteIfExists(baselineFile);
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Object> deprecated = new LinkedHashMap<>();
    SavedStateStore store = SavedStateStore.in(dir);
    try (ScratchDirectory scratchDirectory = ScratchDirectory.create(dir, SCRATCH_PREFIX)) {
      Path scratch = scratchDirectory.path();
      Path sourceHost = Files.createDirectory(scratch.resolve("source"));
      Path targetHost = Files.createDirectory(scratch.resolve("target"));
      warmUp(Files.createDirectory(scratch.resolve("warm-up")));
      GuestWorkload guest = GuestWorkload.create(seed, vm, memoryBytes / GuestMemory.PAGE_SIZE, 0, 1);
      try (GuestMemory memory = GuestMemories.real(vm, memoryBytes, sourceHost)) {
        guest.fillSpread(memory, touchedPages);

        double baselineBefore = baseline(baselineFile, memory, guest, touchedPages);
        long t0 = System.nanoTime();
        SaveReport saved = store.save(memory);
        double saveSeconds = (System.nanoTime() - t0) / 1e9;
        awaitCleanup(store);
        double baselineAfter = baseline(baselineFile, memory, guest, touchedPages);
        double baselineSeconds = Math.min(baselineBefore, baselineAfter);

        long t1 = System.nanoTime();
        RestoreReport eager = store.restore(vm, RestoreMode.EAGER, targetHost);
        double eagerSeconds = (System.nanoTime() - t1) / 1e9;
        boolean eagerOk;
        try (GuestMemory back = eager.memory()) {
          eagerOk = guest.verify(back).ok();
        }
        double[] lazyMillis = new double[LAZY_RUNS];
        for (int i = 0; i < LAZY_RUNS - 1; i++) {
          long t2 = System.nanoTime();
          RestoreReport lazy = store.restore(vm, RestoreMode.LAZY, targetHost);
          lazyMillis[i] = (System.nanoTime() - t2) / 1e6;
          lazy.memory().close();
        }
        long t2 = System.nanoTime();
        RestoreReport lazy = store.restore(vm, RestoreMode.LAZY, targetHost);
        lazyMillis[LAZY_RUNS - 1] = (System.nanoTime() - t2) / 1e6;
        double lazyFirstMillis = lazyMillis[0];
        Arrays.sort(lazyMillis);
        boolean lazyOk;
        long t3 = System.nanoTime();
        try (GuestMemory back = lazy.memory()) {
          lazyOk = guest.verify(back).ok();
        }
        double lazyVerifySeconds = (System.nanoTime() - t3) / 1e9;
        OptionalLong onDisk = DiskUsage.allocatedBytes(saved.headerFile(), saved.memoryFile());

        result.put("memoryBytes", memoryBytes);
        result.put("touchedBytes", touchedPages * GuestMemory.PAGE_SIZE);
        result.put("generation", saved.info().generation());
        result.put("bytesWritten", saved.bytesWritten());
        result.put("seed", JsonOutput.seed(seed));
        result.put("saveSeconds", JsonOutput.roundedSeconds(saveSeconds));
        result.put("baselineWriteSeconds", JsonOutput.roundedSeconds(baselineSeconds));
        result.put("baselineWriteSecondsBefore", JsonOutput.roundedSeconds(baselineBefore));
        result.put("baselineWriteSecondsAfter", JsonOutput.roundedSeconds(baselineAfter));
        result.put("saveVsBaseline", round(baselineSeconds / saveSeconds));
        result.put("saveMiBPerSecond", round(saved.memoryBytesWritten() / saveSeconds / (1 << 20)));
        result.put("restoreEagerSeconds", JsonOutput.roundedSeconds(eagerSeconds));
        result.put("restoreLazySeconds", JsonOutput.roundedSeconds(lazyMillis[LAZY_RUNS / 2] / 1e3));
        result.put("restoreLazyFirstSeconds", JsonOutput.roundedSeconds(lazyFirstMillis / 1e3));
        result.put("lazyFirstTouchVerifySeconds", JsonOutput.roundedSeconds(lazyVerifySeconds));
        result.put("verified", eagerOk && lazyOk);
        result.put("fileBytesOnDisk", onDisk.isPresent() ? onDisk.getAsLong() : null);
        result.put("headerFile", saved.headerFile().toString());
        result.put("memoryFile", saved.memoryFile().toString());
        deprecated.put("restoreLazyMillis", round(lazyMillis[LAZY_RUNS / 2]));
        deprecated.put("restoreLazyFirstMillis", round(lazyFirstMillis));
      }
    } finally {
      awaitCleanup(store);
      Files.deleteIfExists(baselineFile);
    }
    print(result, deprecated);
    return Boolean.TRUE.equals(result.get("verified")) ? 0 : 1;
  }

  /**
   * Runs the save and restore paths once on a small memory in a scratch directory, untimed, so that the
   * timed runs measure compiled code rather than the interpreter (as a JMH warm-up would).
   */
  private void warmUp(Path scratch) throws IOException {
    VmId vm = VmId.of(VM_NAME + "-warm-up");
    Path host = Files.createDirectory(scratch.resolve("host"));
    Path target = Files.createDirectory(scratch.resolve("target"));
    SavedStateStore store = SavedStateStore.in(scratch);
    long pages = Math.min(64L << 20, memoryBytes) / GuestMemory.PAGE_SIZE;
    GuestWorkload guest = GuestWorkload.create(seed, vm, pages, 0, 1);
    try (GuestMemory memory = GuestMemories.real(vm, pages * GuestMemory.PAGE_SIZE, host)) {
      for (int round = 0; round < 3; round++) {
        guest.fillSpread(memory, pages / 2);
        store.save(memory);
        for (RestoreMode mode : RestoreMode.values()) {
          try (GuestMemory back = store.restore(vm, mode, target).memory()) {
            guest.verify(back);
          }
        }
      }
    }
    awaitCleanup(store);
  }

  /**
   * Times a plain sequential {@code FileChannel.write} of the touched bytes from one cache-hot 8 MiB
   * direct buffer, then {@code force(false)}, as the durable save does; returns seconds.
   */
  private static double baseline(Path file, GuestMemory memory, GuestWorkload guest, long pages) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BASELINE_BUFFER);
    ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    PageSet touched = memory.touchedPages();
    for (long p = touched.nextPage(0); buffer.hasRemaining() && p >= 0; p = touched.nextPage(p + 1)) {
      memory.readPage(p, page.clear());
      buffer.put(page.flip());
    }
    long bytes = pages * GuestMemory.PAGE_SIZE;
    long t0 = System.nanoTime();
    try (FileChannel out = openBaseline(file)) {
      long written = 0;
      while (written < bytes) {
        buffer.clear().limit((int) Math.min(BASELINE_BUFFER, bytes - written));
        while (buffer.hasRemaining()) {
          written += out.write(buffer);
        }
      }
      out.force(false);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Files.delete(file);
    return seconds;
  }

  /**
   * Creates the baseline's file readable and writable by its owner only, as the saved states are: it
   * holds a copy of guest memory. Created exclusively, so nothing planted at its name is written through.
   */
  static FileChannel openBaseline(Path file) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
      return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    }
    return FileChannel.open(file, options);
  }

  /** Creates {@code dir} and missing parents accessible by their owner only; an existing one is left as it is. */
  static void createOwnerOnlyDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  private static void awaitCleanup(SavedStateStore store) throws InterruptedIOException {
    try {
      store.awaitCleanup();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the superseded generation's deletion");
    }
  }

  /** Prints the results; with {@code --json}, the deprecated version-1 fields follow them. */
  private void print(Map<String, Object> result, Map<String, Object> deprecated) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, JsonOutput.root(result, deprecated));
    } else {
      result.forEach((k, v) -> out.printf(Locale.ROOT, "%-28s %s%n", k, v));
    }
    out.flush();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
