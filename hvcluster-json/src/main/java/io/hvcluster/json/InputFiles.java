package io.hvcluster.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one reader of the text files hvcluster is given (cluster descriptions, scenarios, fault plans). It
 * reads only a regular file (after following links), so a FIFO or a device cannot make a command wait
 * forever or fill the heap; it refuses a file over {@link #MAX_BYTES} before reading it, and never holds
 * more than that many bytes and one more; and it decodes strictly as UTF-8, so a UTF-16 file or bytes
 * that are not text are refused with their byte offset rather than read as something else.
 *
 * <p>A file that is replaced by a FIFO between the check and the open is not guarded against: Java
 * cannot open a file without blocking on a FIFO.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * String text = InputFiles.read(Path.of("cluster.json"));   // or InvalidInputException, one line
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InputFiles {
  /**
   * The largest input file read: 16 MiB, far above the largest description (a 16-node cluster of 1,000
   * VMs is about 400 KiB).
   */
  public static final long MAX_BYTES = 16L << 20;

  private InputFiles() {}

  /**
   * Returns the text of a regular file of at most {@link #MAX_BYTES}, decoded as UTF-8 (a UTF-8
   * byte-order mark is dropped).
   *
   * @param file the file; a link is followed
   * @return its text
   * @throws InvalidInputException when the file is missing, not a regular file, too large, not UTF-8 or
   *     cannot be read, with a message like {@code f.json: cannot read: no such file}
   */
  public static String read(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw unreadable(file, "cannot read: " + why(e), e);
    }
    if (attributes.isDirectory()) {
      throw unreadable(file, "cannot read: it is a directory; name a JSON file", null);
    }
    if (!attributes.isRegularFile()) {
      throw unreadable(file, "cannot read: it is not a regular file (a pipe, device or socket);"
          + " hvcluster reads input from regular files only", null);
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(file, String.format(Locale.ROOT, "it is %,d bytes", attributes.size()));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException e) {
      throw unreadable(file, "cannot read: " + why(e), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file, "it grew past the limit while it was read");
    }
    return decode(file, bytes);
  }

  private static InvalidInputException tooLarge(Path file, String what) {
    return unreadable(file, String.format(Locale.ROOT, "cannot read: %s; input files are limited to"
        + " 16 MiB (%,d bytes)", what, MAX_BYTES), null);
  }

  private static InvalidInputException unreadable(Path file, String reason, Throwable cause) {
    return new InvalidInputException(file, file + ": " + reason, cause);
  }

  /**
   * Returns text with its control characters, format characters (bidirectional overrides) and line
   * separators escaped as {@code \n}, {@code \t}, {@code \r} or {@code \}{@code uXXXX}, for echoing a name or
   * path from a user in a message: it stays one line and sends nothing to a terminal.
   *
   * @param text the text, may be null
   * @return the escaped text; text without such characters is returned unchanged
   */
  public static String printable(String text) {
    return Printable.of(text);
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : Printable.of(e.getMessage());
  }

  /** Decodes strictly as UTF-8, naming the byte offset of the first byte that is not. */
  private static String decode(Path file, byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      throw notUtf8(file, bytes, 0, "starts with a UTF-16 byte-order mark (" + hex(bytes, 0, 2) + ")");
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notUtf8(file, bytes, i, "is a NUL byte, which JSON text never holds (is the file UTF-16?)");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int length = Math.min(result.length(), bytes.length - at);
      throw notUtf8(file, bytes, at, "is not valid UTF-8 (" + hex(bytes, at, Math.max(1, length)) + ")");
    }
    return out.flip().toString();
  }

  private static InvalidInputException notUtf8(Path file, byte[] bytes, int offset, String what) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    return unreadable(file, "byte offset " + offset + " (line " + line + ") " + what
        + "; input files must be UTF-8", null);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String hex(byte[] bytes, int from, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < from + length && i < bytes.length; i++) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
    }
    return out.toString();
  }
}
