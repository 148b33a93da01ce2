package io.hvcluster.core.cluster.bandwidth;

import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Bandwidth as a shared resource in virtual time: {@linkplain Channel channels} (a host's storage path,
 * an array's back end, a host's migration network) each have a capacity in bytes per second, and the
 * {@linkplain Transfer transfers} crossing them share it fairly (processor sharing, max-min fair across
 * every channel of a transfer's path: a transfer gets the smallest fair share along its path, and what
 * a transfer bottlenecked elsewhere leaves is shared by the others).
 *
 * <p>Rates, and with them each transfer's finish time, are recomputed only when a transfer starts or
 * ends or a channel's capacity changes, once per instant however many changed at it (a boot storm's
 * hundreds of reads starting together cost one computation), so the cost grows with the number of
 * transfers, not with virtual time: between two such instants every transfer progresses at a constant
 * rate and exactly one timer per transfer is pending, for its finish. Transfers are kept in the order they started and channels in the
 * order they were created, so the shares are the same on every run.
 *
 * <p>Not thread-safe; used on the simulation's thread only.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Bandwidth {
  private static final double NANOS_PER_SECOND = 1e9;

  private final EventLoop loop;
  private final List<Transfer> active = new ArrayList<>();
  private long started;
  private boolean reshareDue;

  /**
   * Creates the bandwidth of one cluster.
   *
   * @param loop the simulation's event loop, whose virtual time the transfers take
   */
  public Bandwidth(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * Creates a channel.
   *
   * @param name what it is, for messages ("storage path of n1 (write)")
   * @param bytesPerSecond its capacity, positive
   * @return the channel
   */
  public Channel channel(String name, double bytesPerSecond) {
    return new Channel(name, checkCapacity(name, bytesPerSecond));
  }

  /**
   * Starts moving {@code bytes} across every channel of {@code path}; {@code done} runs (as an event of
   * the loop) when the last byte has crossed. Zero bytes finish at once, in a timer of their own.
   *
   * @param bytes how many bytes, at least 0
   * @param path the channels crossed, at least one, none twice
   * @param done what runs at the end, unless the transfer is cancelled first
   * @return the transfer, which can be cancelled
   */
  public Transfer start(long bytes, List<Channel> path, Runnable done) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a transfer of " + bytes + " bytes; allowed: 0 or more");
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a transfer needs at least one channel");
    }
    for (int i = 0; i < path.size(); i++) {
      if (path.indexOf(path.get(i)) != i) {
        throw new IllegalArgumentException("a transfer crosses " + path.get(i).name + " twice");
      }
    }
    Transfer t = new Transfer(started++, bytes, path.toArray(new Channel[0]), done);
    if (bytes == 0) {
      t.timer = loop.schedule(0, t::finished);
      return t;
    }
    progress();
    active.add(t);
    t.inFlight = true;
    for (Channel c : t.path) {
      c.users++;
    }
    t.lastNanos = loop.now();
    reshareNow();
    return t;
  }

  /**
   * Changes a channel's capacity (a slower LUN, a renegotiated link); the transfers across it speed up or
   * slow down from now on.
   *
   * @param channel the channel
   * @param bytesPerSecond the new capacity, positive
   */
  public void capacity(Channel channel, double bytesPerSecond) {
    checkCapacity(channel.name, bytesPerSecond);
    if (channel.capacity == bytesPerSecond) {
      return;
    }
    progress();
    channel.capacity = bytesPerSecond;
    if (channel.users > 0) {
      reshareNow();
    }
  }

  /**
   * Returns how many transfers are under way.
   *
   * @return the count
   */
  public int activeTransfers() {
    return active.size();
  }

  private static double checkCapacity(String name, double bytesPerSecond) {
    if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("the capacity of " + name + " is " + bytesPerSecond
          + " bytes/s; it must be positive and finite");
    }
    return bytesPerSecond;
  }

  /** Brings every active transfer's remaining bytes up to now, at the rate it had since its last change. */
  private void progress() {
    long now = loop.now();
    for (Transfer t : active) {
      t.advanceTo(now);
    }
  }

  private void end(Transfer t) {
    progress();
    t.inFlight = false;
    active.remove(t);
    for (Channel c : t.path) {
      c.users--;
    }
    if (!active.isEmpty()) {
      reshareNow();
    }
  }

  /**
   * Recomputes the shares at the end of this instant (in an event after those already scheduled for it),
   * once however many transfers start or end now; until then the new transfers have no rate and the
   * others keep theirs, which moves no byte since no time passes.
   */
  private void reshareNow() {
    if (reshareDue) {
      return;
    }
    reshareDue = true;
    loop.schedule(0, () -> {
      reshareDue = false;
      progress();
      if (!active.isEmpty()) {
        reshare();
      }
    });
  }

  /**
   * Max-min fair shares by progressive filling: the channel offering the smallest equal share to the
   * transfers not yet settled is the bottleneck of all of them; they get that share, which is taken
   * from every other channel they cross, and the filling goes on with the rest. Transfers whose rate
   * changed get a new finish timer; the others keep theirs.
   */
  private void reshare() {
    List<Channel> channels = new ArrayList<>();
    for (Transfer t : active) {
      t.settled = false;
      for (Channel c : t.path) {
        if (!c.seen) {
          c.seen = true;
          c.left = c.capacity;
          c.unsettled = 0;
          channels.add(c);
        }
        c.unsettled++;
      }
    }
    int unsettled = active.size();
    while (unsettled > 0) {
      Channel bottleneck = null;
      double share = Double.POSITIVE_INFINITY;
      for (Channel c : channels) {
        if (c.unsettled > 0) {
          double s = Math.max(0, c.left) / c.unsettled;
          if (s < share) {
            share = s;
            bottleneck = c;
          }
        }
      }
      for (Transfer t : active) {
        if (!t.settled && t.crosses(bottleneck)) {
          t.settled = true;
          unsettled--;
          for (Channel c : t.path) {
            c.left -= share;
            c.unsettled--;
          }
          t.rate(share);
        }
      }
    }
    for (Channel c : channels) {
      c.seen = false;
    }
  }

  /**
   * A capacity shared by the transfers across it.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public static final class Channel {
    private final String name;
    private double capacity;
    private int users;
    // Scratch of one computation of the shares.
    private boolean seen;
    private double left;
    private int unsettled;

    private Channel(String name, double capacity) {
      this.name = name;
      this.capacity = capacity;
    }

    /**
     * Returns what the channel is.
     *
     * @return its name
     */
    public String name() {
      return name;
    }

    /**
     * Returns its capacity.
     *
     * @return bytes per second
     */
    public double capacity() {
      return capacity;
    }

    /**
     * Returns how many transfers cross it now.
     *
     * @return the count
     */
    public int users() {
      return users;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (%.1f MB/s, %d transfers)", name, capacity / 1e6, users);
    }
  }

  /**
   * Bytes on their way across a path of channels.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public final class Transfer {
    private final long order;
    private final Channel[] path;
    private final Runnable done;
    private double remaining;
    private double rate;
    private long lastNanos;
    private EventLoop.Timer timer;
    private boolean settled;
    private boolean inFlight;
    private boolean over;

    private Transfer(long order, long bytes, Channel[] path, Runnable done) {
      this.order = order;
      this.path = path;
      this.done = done;
      this.remaining = bytes;
    }

    private boolean crosses(Channel c) {
      for (Channel p : path) {
        if (p == c) {
          return true;
        }
      }
      return false;
    }

    private void advanceTo(long now) {
      remaining = Math.max(0, remaining - rate * (now - lastNanos) / NANOS_PER_SECOND);
      lastNanos = now;
    }

    private void rate(double newRate) {
      if (newRate == rate && timer != null) {
        return;
      }
      rate = newRate;
      if (timer != null) {
        timer.cancel();
      }
      long nanos = (long) Math.ceil(remaining * NANOS_PER_SECOND / rate);
      timer = loop.schedule(Math.max(0, nanos), this::finished);
    }

    private void finished() {
      if (over) {
        return;
      }
      over = true;
      timer = null;
      if (inFlight) {
        end(this);
      }
      remaining = 0;
      done.run();
    }

    /** Stops the transfer: its bytes stop crossing, its share goes to the others, and it never finishes. */
    public void cancel() {
      if (over) {
        return;
      }
      over = true;
      if (timer != null) {
        timer.cancel();
      }
      if (inFlight) {
        end(this);
      }
    }

    /**
     * Returns whether it has finished or was cancelled.
     *
     * @return true once over
     */
    public boolean isOver() {
      return over;
    }

    /**
     * Returns its current rate.
     *
     * @return bytes per second (0 before its first share)
     */
    public double rate() {
      return rate;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "transfer %d: %.0f bytes left at %.1f MB/s", order, remaining, rate / 1e6);
    }
  }
}
