package io.hvcluster.core.memory;

import io.hvcluster.api.VmId;
import java.io.IOException;
import com.sun.nio.file.ExtendedOpenOption;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * File helpers for memory and saved-state files: names derived from VM names that provably stay inside
 * their directory, files created once, exclusively, readable and writable by the owner only, and
 * directory syncs after renames.
 *
 * <p>Stateless and thread-safe.
 */
final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_RW =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private OwnerOnlyFiles() {}

  /** Returns {@code dir/<vm><suffix>}, checking that the result is a direct child of {@code dir}. */
  static Path fileOf(Path dir, VmId vm, String suffix) {
    Path base = dir.toAbsolutePath().normalize();
    String name = vm.name() + suffix;
    Path file = base.resolve(name).normalize();
    if (!base.equals(file.getParent()) || !name.equals(file.getFileName().toString())) {
      throw new IllegalArgumentException("file name '" + name + "' for VM '" + vm + "' leaves directory " + base);
    }
    return file;
  }

  /** Returns {@code dir}, checking that it is an existing directory. */
  static Path directory(Path dir, String what) {
    if (dir == null) {
      throw new IllegalArgumentException(what + " directory is missing");
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(what + " directory " + dir + " does not exist or is not a directory");
    }
    return dir.toAbsolutePath().normalize();
  }

  /**
   * Returns the attribute that creates a file readable and writable by its owner only, or none where
   * the file system of {@code dir} has no POSIX permissions.
   */
  static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
        : new FileAttribute<?>[0];
  }

  /**
   * Creates a new file readable and writable by its owner only and returns the one channel it is ever
   * written through: created exclusively ({@code O_CREAT | O_EXCL}), so a file or a symbolic link that
   * appears at its name fails the creation instead of being written through.
   *
   * @param direct whether to open it for direct I/O (which may fail where the file system refuses it)
   */
  static FileChannel createNew(Path file, boolean direct) throws IOException {
    Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS));
    if (direct) {
      options.add(ExtendedOpenOption.DIRECT);
    }
    FileAttribute<?>[] attributes = ownerOnly(file.getParent());
    FileChannel channel = FileChannel.open(file, options, attributes);
    if (attributes.length == 0) {
      try {
        restrictToOwner(file);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
    return channel;
  }

  /** Makes a file readable and writable by its owner only, as far as the file system allows. */
  static void restrictToOwner(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, OWNER_RW);
    } else {
      java.io.File f = file.toFile();
      boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
          & f.setWritable(false, false) & f.setWritable(true, true);
      if (!ok) {
        throw new IOException("cannot restrict " + file + " to its owner");
      }
    }
  }

  /**
   * Forces a directory's entries (renames, creations) to disk.
   *
   * @throws IOException when the platform or file system refuses (Windows cannot open a directory as a
   *     channel; some network file systems refuse to force one)
   */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
