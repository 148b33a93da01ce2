package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.api.Names;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import io.hvcluster.core.memory.SavedStateDescriptor;
import io.hvcluster.core.memory.SavedStateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hvcluster saved-state ...}: inspects saved-state files. */
@Command(name = "saved-state", mixinStandardHelpOptions = true, description = "Inspects saved-state files.",
    subcommands = {SavedStateCommand.Verify.class})
final class SavedStateCommand {
  /** Exit code for a saved state that is missing, incomplete or corrupt. */
  static final int EXIT_CORRUPT = 3;

  /** {@code hvcluster saved-state verify PATH}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Checks that the saved state at PATH is committed and intact: the header and every chunk's "
          + "CRC32C.", "PATH is a <vm>.vsv file, a directory holding one saved state, or <dir>/<vm>.",
          "Exit 0 with the generation when intact; 3 with the reason when missing, incomplete or corrupt."
          + " --json prints the verdict as one object either way."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The header file, its directory, or <dir>/<vm>.")
    Path path;

    @Option(names = "--json", description = "Print the verdict as one JSON object (the reason still goes to"
        + " standard error).")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path header;
      try {
        header = headerOf(path);
      } catch (IllegalArgumentException e) {
        return corrupt(out, err, null, e.getMessage());
      } catch (IOException e) {
        return corrupt(out, err, null, "cannot read " + path + ": " + e.getMessage());
      }
      String file = header.getFileName().toString();
      VmId vm = VmId.of(file.substring(0, file.length() - SavedStateDescriptor.HEADER_SUFFIX.length()));
      SavedStateInfo info;
      try {
        info = SavedStateStore.in(header.getParent()).verify(vm);
      } catch (IOException | IllegalArgumentException e) {
        return corrupt(out, err, header, String.valueOf(e.getMessage()).replace('\n', ' '));
      }
      if (json) {
        ObjectNode o = verdict(header, true);
        o.put("vm", vm.name());
        o.put("generation", info.generation());
        o.put("memoryBytes", info.memoryBytes());
        o.put("storedPages", info.storedPages());
        o.put("chunkCount", info.chunkCount());
        JsonOutput.print(out, o);
        return 0;
      }
      out.printf("saved state of VM '%s' is committed and intact: generation %d, %s of memory, %d pages stored "
          + "in %d chunks%n", vm, info.generation(), ByteSize.format(info.memoryBytes()), info.storedPages(),
          info.chunkCount());
      out.println("generation " + info.generation());
      return 0;
    }

    /** Reports a saved state that is missing, incomplete or corrupt, and returns its exit code. */
    private int corrupt(PrintWriter out, PrintWriter err, Path header, String problem) {
      err.println("hvcluster: " + problem);
      if (json) {
        JsonOutput.print(out, verdict(header, false).put("problem", problem));
      }
      return EXIT_CORRUPT;
    }

    private ObjectNode verdict(Path header, boolean intact) {
      ObjectNode o = JsonOutput.root();
      o.put("path", (header != null ? header : path.toAbsolutePath().normalize()).toString());
      o.put("intact", intact);
      return o;
    }

    private static Path headerOf(Path path) throws IOException {
      Path p = path.toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        List<Path> headers;
        try (Stream<Path> files = Files.list(p)) {
          headers = files.filter(f -> f.getFileName().toString().endsWith(SavedStateDescriptor.HEADER_SUFFIX))
              .sorted().collect(Collectors.toList());
        }
        if (headers.size() == 1) {
          return checkName(headers.get(0));
        }
        if (headers.isEmpty()) {
          throw new IllegalArgumentException("saved state in " + p + " is " + whyNoHeader(p));
        }
        throw new IllegalArgumentException(p + " holds " + headers.size() + " saved states; name one of "
            + headers.stream().map(h -> h.getFileName().toString()).collect(Collectors.joining(", ")));
      }
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (!name.endsWith(SavedStateDescriptor.HEADER_SUFFIX)) {
        p = p.resolveSibling(name + SavedStateDescriptor.HEADER_SUFFIX);
      }
      return checkName(p);
    }

    /** Returns why a directory without a header holds no saved state: nothing saved, or a save cut short. */
    private static String whyNoHeader(Path dir) throws IOException {
      List<String> names;
      try (Stream<Path> files = Files.list(dir)) {
        names = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
      }
      if (names.stream().anyMatch(n -> n.endsWith(SavedStateDescriptor.TEMP_SUFFIX))) {
        return "incomplete: a save was interrupted before it committed";
      }
      // A first save killed right after renaming its memory file into place leaves only <vm>.bin.
      for (String name : names) {
        if (name.endsWith(SavedStateDescriptor.MEMORY_SUFFIX)
            || name.endsWith(SavedStateDescriptor.MEMORY_SUFFIX_ALTERNATE)) {
          return "incomplete: " + name + " is a memory file without a header (an interrupted save)";
        }
      }
      return "missing: no .vsv header file";
    }

    private static Path checkName(Path header) {
      String file = header.getFileName().toString();
      String vm = file.substring(0, file.length() - SavedStateDescriptor.HEADER_SUFFIX.length());
      if (!Names.isValid(vm)) {
        throw new IllegalArgumentException(header + " is not named after a VM (<vm>.vsv with a valid VM name)");
      }
      return header;
    }
  }
}
