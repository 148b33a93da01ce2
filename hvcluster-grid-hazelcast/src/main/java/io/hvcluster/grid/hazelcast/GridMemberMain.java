package io.hvcluster.grid.hazelcast;

import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Starts a grid member that only works, without the command-line tool:
 * {@code java -cp ... io.hvcluster.grid.hazelcast.GridMemberMain --port 5702 --members 127.0.0.1:5701}.
 * Options: {@code --port P}, {@code --bind ADDRESS} (default 127.0.0.1), {@code --members HOST:PORT,...},
 * {@code --cluster-name NAME}, {@code --threads N}, and {@code --exit-when-stdin-closes} (for a parent process
 * that wants its members gone when it is). It prints {@code ready HOST:PORT} once it has joined.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GridMemberMain {
  private GridMemberMain() {}

  /**
   * Runs a member until it is shut down.
   *
   * @param args the options
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    GridOptions options = GridOptions.defaults();
    boolean watchStdin = false;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (flag.equals("--exit-when-stdin-closes")) {
        watchStdin = true;
        continue;
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = rest.remove(0);
      options = switch (flag) {
        case "--port" -> options.withPort(Integer.parseInt(value));
        case "--bind" -> options.withBind(value);
        case "--members" -> options.withMembers(value.isBlank() ? List.of() : Arrays.asList(value.split(",")));
        case "--cluster-name" -> options.withClusterName(value);
        case "--threads" -> options.withThreads(Integer.parseInt(value));
        default -> throw new IllegalArgumentException("unknown option " + flag + "; allowed: --port, --bind,"
            + " --members, --cluster-name, --threads, --exit-when-stdin-closes");
      };
    }
    CampaignEngineProvider.GridMember member = new HazelcastProvider().member(options);
    System.out.println("ready " + member.address());
    System.out.flush();
    if (watchStdin) {
      Thread watcher = new Thread(() -> {
        drain(System.in);
        member.close();
      }, "hvcluster-stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    member.awaitShutdown();
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Nothing is expected on stdin; its end means the parent is gone.
      }
    } catch (IOException e) {
      // A broken pipe means the same.
    }
  }
}
