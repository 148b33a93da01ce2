package io.hvcluster.core.memory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes runs of pages at fixed positions on one worker thread while the caller checksums the next run,
 * with at most two runs per worker queued. The result does not depend on timing: positions are
 * fixed and the checksums are computed by the caller. {@link #close()} waits for every started write,
 * so no write reads a mapped buffer after the caller has moved on (and perhaps unmapped it).
 *
 * <p>Used by one thread.
 */
final class PipelinedWriter implements AutoCloseable {
  private final int inFlight;

  private final FileChannel out;
  private final ExecutorService worker;
  private final ArrayDeque<Future<Void>> pending = new ArrayDeque<>();

  PipelinedWriter(FileChannel out, String threadName, int threads) {
    this.out = out;
    this.inFlight = 2 * threads;
    this.worker = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Queues {@code run} (not to be changed until {@link #finish()}) for writing at {@code position}. */
  void write(ByteBuffer run, long position) throws IOException {
    if (pending.size() >= inFlight) {
      await(pending.removeFirst());
    }
    Callable<Void> write = () -> {
      SavedStateIo.writeFully(out, run, position);
      return null;
    };
    pending.addLast(worker.submit(write));
  }

  /** Waits until every queued run is written, rethrowing the first failure. */
  void finish() throws IOException {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (worker.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(Future<Void> write) throws IOException {
    try {
      write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing a saved state");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException("writing a saved state failed", cause);
    }
  }
}
