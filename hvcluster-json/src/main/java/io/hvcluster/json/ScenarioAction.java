package io.hvcluster.json;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One timed action of a scenario: what to do ({@link ActionKind}), to which targets, and when (virtual
 * time from the start of the run).
 *
 * @param index the action's position in {@code $.actions}, for messages
 * @param at when it happens
 * @param kind what it does
 * @param target what it acts on
 * @param note why, in the scenario's words; empty when not given
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ScenarioAction(int index, Duration at, ActionKind kind, Target target, String note) {
  /** The targets of an action; the shape follows {@link ActionKind.Shape}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public sealed interface Target permits OnHost, OnVm, Move, MoveGroup, OnLink, OnNetwork, OnLun, Sides, OnCluster {}

  /**
   * A host or node.
   *
   * @param host the host
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnHost(HostId host) implements Target {}

  /**
   * A VM.
   *
   * @param vm the VM
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnVm(VmId vm) implements Target {}

  /**
   * A VM and the node it should move to.
   *
   * @param vm the VM
   * @param to the node it moves to
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Move(VmId vm, HostId to) implements Target {}

  /**
   * A group and the node it should move to, or empty for the best possible node.
   *
   * @param group the group's name
   * @param to the node it moves to; empty for the best possible node
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record MoveGroup(String group, java.util.Optional<HostId> to) implements Target {}

  /**
   * A one-way heartbeat link.
   *
   * @param from the host that stops sending
   * @param to the host that stops hearing
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnLink(HostId from, HostId to) implements Target {}

  /**
   * A LUN.
   *
   * @param lun the LUN
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnLun(LunId lun) implements Target {}

  /**
   * A node's interface on a cluster network.
   *
   * @param host the node
   * @param network the cluster network's name, for example {@code cluster-network-2}
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnNetwork(HostId host, String network) implements Target {}

  /**
   * Disjoint sides of a partition; hosts not named form one more side.
   *
   * @param sides the named sides
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Sides(List<Set<HostId>> sides) implements Target {
    /**
     * Creates the sides, copying each.
     *
     * @param sides the named sides
     */
    public Sides {
      sides = sides.stream().map(Set::copyOf).toList();
    }
  }

  /**
   * The whole cluster.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record OnCluster() implements Target {}

  /**
   * Returns the JSON path of the action in its scenario file.
   *
   * @return the path, for example {@code $.actions[2]}
   */
  public String path() {
    return "$.actions[" + index + "]";
  }

  /**
   * Returns the action in one line, for example {@code quick-migrate web to node3}.
   *
   * @return the description
   */
  public String describe() {
    return kind.id() + targetText();
  }

  private String targetText() {
    if (target instanceof OnHost t) {
      return " " + t.host();
    } else if (target instanceof OnVm t) {
      return " " + t.vm();
    } else if (target instanceof Move t) {
      return " " + t.vm() + " to " + t.to();
    } else if (target instanceof MoveGroup t) {
      return " " + t.group() + " to " + t.to().map(HostId::name).orElse("the best possible node");
    } else if (target instanceof OnLink t) {
      return " " + t.from() + " → " + t.to();
    } else if (target instanceof OnNetwork t) {
      return " " + t.host() + " on " + t.network();
    } else if (target instanceof OnLun t) {
      return " " + t.lun();
    } else if (target instanceof Sides t) {
      return " " + t.sides().stream().map(s -> s.stream().map(HostId::name).sorted().collect(Collectors.joining(" ", "[", "]")))
          .collect(Collectors.joining(" | "));
    }
    return "";
  }
}
