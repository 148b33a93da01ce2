package io.hvcluster.api;

import java.util.function.LongConsumer;
import org.apiguardian.api.API;

/**
 * An immutable set of page numbers of one guest memory, such as the pages a pre-copy round must send.
 * Iterate in ascending order with {@link #nextPage(long)} or {@link #forEach(LongConsumer)}.
 *
 * <p>Instances handed out by {@link GuestMemory} never change after they are returned and may be read
 * from any thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface PageSet {
  /**
   * Returns the number of pages in the set.
   *
   * @return the count, zero or more
   */
  long count();

  /**
   * Returns whether the set holds no page.
   *
   * @return true when {@link #count()} is zero
   */
  default boolean isEmpty() {
    return count() == 0;
  }

  /**
   * Returns whether a page is in the set.
   *
   * @param page the page number; numbers out of the memory's range are simply absent
   * @return true when present
   */
  boolean contains(long page);

  /**
   * Returns the smallest page in the set that is at least {@code from}.
   *
   * @param from the first page number to consider; negative values count as zero
   * @return the page number, or {@code -1} when there is none
   */
  long nextPage(long from);

  /**
   * Calls {@code action} with every page in the set, in ascending order.
   *
   * @param action receives each page number
   */
  default void forEach(LongConsumer action) {
    for (long page = nextPage(0); page >= 0; page = nextPage(page + 1)) {
      action.accept(page);
    }
  }
}
