package io.hvcluster.core.cluster.memory;

import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Damages real saved-state files on a LUN directory, as storage faults do. */
final class SavedStateFiles {
  private SavedStateFiles() {}

  /**
   * Damages the files. {@code serial} numbers the damages done so far in the run: each bit rot flips a
   * different bit of page 0, so a second one never undoes the first.
   */
  static void damage(Path lunDir, VmId vm, SavedStateDamage damage, int serial) {
    try {
      if (damage == SavedStateDamage.TRUNCATED_HEADER) {
        cutInHalf(lunDir.resolve(vm.name() + ".vsv"));
        return;
      }
      for (String name : new String[] {vm.name() + ".bin", vm.name() + ".bin.1"}) {
        Path bin = lunDir.resolve(name);
        if (!Files.isRegularFile(bin)) {
          continue;
        }
        switch (damage) {
          case BIT_ROT -> flipBit(bin, 100 + serial / 8 % 3900, 1 << (serial % 8));
          case TORN_WRITE -> zero(bin, 2048, 2048);
          case LOST_UNFLUSHED_WRITES -> cutInHalf(bin);
          default -> throw new AssertionError(damage);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot damage the saved state of " + vm + " in " + lunDir, e);
    }
  }

  private static void flipBit(Path file, long offset, int mask) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (ch.size() <= offset) {
        return;
      }
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      ch.write(ByteBuffer.wrap(new byte[] {(byte) (b.get(0) ^ mask)}), offset);
    }
  }

  private static void zero(Path file, long offset, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (ch.size() >= offset + length) {
        ch.write(ByteBuffer.allocate(length), offset);
      }
    }
  }

  private static void cutInHalf(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(ch.size() / 2);
      }
    }
  }
}
