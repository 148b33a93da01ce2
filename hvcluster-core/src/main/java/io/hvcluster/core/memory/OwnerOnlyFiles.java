package io.hvcluster.core.memory;

import io.hvcluster.api.VmId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * File helpers for memory and saved-state files: names derived from VM names that provably stay inside
 * their directory, files created readable and writable by the owner only, sparse pre-sizing, and
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
   * Creates a new file readable and writable by its owner only, sized {@code length} bytes without
   * allocating them (a sparse file where the file system supports it), and opens it for reading and
   * writing. Fails if the file exists.
   */
  static FileChannel createSparse(Path file, long length) throws IOException {
    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
    } else {
      Files.createFile(file);
      restrictToOwner(file);
    }
    return openSized(file, length);
  }

  /** Opens an existing file for reading and writing, sized {@code length} bytes of zeros. */
  static FileChannel openSized(Path file, long length) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
    try {
      raf.setLength(0);
      raf.setLength(length);
      return raf.getChannel();
    } catch (IOException | RuntimeException e) {
      raf.close();
      throw e;
    }
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

  /** Forces a directory's entries (renames, creations) to disk where the platform allows it. */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a channel; its renames are durable through NTFS's journal.
    }
  }
}
