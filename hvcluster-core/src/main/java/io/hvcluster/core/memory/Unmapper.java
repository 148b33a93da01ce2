package io.hvcluster.core.memory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that releases mapped buffers. Java 17 has no public unmap, so this uses
 * {@code sun.misc.Unsafe.invokeCleaner} through reflection, as Lucene, Kafka and Agrona do; when that
 * is unavailable the mapping is left to the garbage collector. Callers must guarantee that nothing
 * touches the buffer (or a view of it) afterwards: the owners check for use after close first.
 *
 * <p>Thread-safe.
 */
final class Unmapper {
  private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
  private static final MethodHandle INVOKE_CLEANER = findCleaner();

  private Unmapper() {}

  /** Returns whether mappings are released at once rather than by the garbage collector. */
  static boolean isDeterministic() {
    return INVOKE_CLEANER != null;
  }

  /** Unmaps an original mapped buffer (never a slice or duplicate); null is ignored. */
  static void unmap(MappedByteBuffer buffer) {
    if (buffer == null || INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
    } catch (Throwable t) {
      LOG.debug("could not unmap a buffer; leaving it to the garbage collector", t);
    }
  }

  private static MethodHandle findCleaner() {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field field = unsafeClass.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      Object unsafe = field.get(null);
      MethodHandle handle = MethodHandles.lookup()
          .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class));
      return handle.bindTo(unsafe);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("sun.misc.Unsafe.invokeCleaner is unavailable; mapped files are released by the GC", e);
      return null;
    }
  }
}
