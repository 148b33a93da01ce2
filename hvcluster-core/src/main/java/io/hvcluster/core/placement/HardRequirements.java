package io.hvcluster.core.placement;

import io.hvcluster.api.Host;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.placement.PlacementRequest;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The hard requirements of a placement, the one definition every placement path checks: each VM of the
 * request may run on the node (possible owners), the node has the memory free, and it can reach every
 * LUN of the request's VMs (a path, or redirected access to a Cluster Shared Volume). WSFC's default
 * policy ({@link Placements#wsfcDefault()}) takes only nodes that meet them, SCVMM's intelligent
 * placement blocks the others with these reasons, and the cluster refuses a policy's answer that fails
 * them. {@link #met(PlacementRequest, Host)} agrees with {@link PlacementRequest#meetsHardRequirements}.
 *
 * <p>Stateless and thread-safe; call it on the simulation's thread, as the views it reads require.
 * Example, in a policy that explains its choice:
 *
 * <pre>{@code
 * List<HardRequirements.Unmet> why = HardRequirements.unmet(request, host);
 * if (!why.isEmpty()) {
 *   return PlacementDecision.none(host.id() + " fails " + why);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HardRequirements {
  private HardRequirements() {}

  /**
   * A hard requirement that a node does not meet.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public sealed interface Unmet permits NotPossibleOwner, NotEnoughMemory, NoStoragePath {
  }

  /**
   * A VM of the request may not run on the node.
   *
   * @param vm the VM
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record NotPossibleOwner(VmId vm) implements Unmet {
  }

  /**
   * The node lacks the memory the request needs.
   *
   * @param neededBytes the memory needed
   * @param freeBytes the memory free on the node, never below 0
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record NotEnoughMemory(long neededBytes, long freeBytes) implements Unmet {
  }

  /**
   * The node cannot reach a LUN of the request's VMs.
   *
   * @param lun the LUN
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record NoStoragePath(LunId lun) implements Unmet {
  }

  /**
   * Returns whether the node meets every hard requirement of the request.
   *
   * @param request the request
   * @param host a node
   * @return true when the node may take the request's group
   */
  public static boolean met(PlacementRequest request, Host host) {
    return hasMemory(host, request.memoryBytes()) && possibleOwnerOfAll(request.vms(), host)
        && request.unreachableLuns(host).isEmpty();
  }

  /**
   * Returns the hard requirements of the request that the node does not meet: one for each VM that may
   * not run there, one for memory, one for each LUN it cannot reach, in that order.
   *
   * @param request the request
   * @param host a node
   * @return the unmet requirements; empty when the node meets them all
   */
  public static List<Unmet> unmet(PlacementRequest request, Host host) {
    return unmet(request, request.memoryBytes(), host);
  }

  /**
   * Returns the hard requirements the node does not meet for the request's VMs when they need
   * {@code neededBytes} of memory there (less than {@link PlacementRequest#memoryBytes()} when some of
   * them already hold memory on the node).
   *
   * @param request the request, whose VMs set the possible owners and the LUNs
   * @param neededBytes the memory the VMs still need on the node
   * @param host a node
   * @return the unmet requirements, in the order of {@link #unmet(PlacementRequest, Host)}
   */
  public static List<Unmet> unmet(PlacementRequest request, long neededBytes, Host host) {
    List<Unmet> unmet = new ArrayList<>();
    for (VirtualMachine vm : request.vms()) {
      if (!vm.spec().mayRunOn(host.id())) {
        unmet.add(new NotPossibleOwner(vm.id()));
      }
    }
    if (!hasMemory(host, neededBytes)) {
      unmet.add(new NotEnoughMemory(neededBytes, host.memoryFreeBytes()));
    }
    for (LunId lun : request.unreachableLuns(host)) {
      unmet.add(new NoStoragePath(lun));
    }
    return unmet;
  }

  /**
   * Whether the node's VM memory, less what is committed or reserved there, holds {@code bytes}: an
   * over-committed node holds nothing, not even a need of zero bytes.
   */
  private static boolean hasMemory(Host host, long bytes) {
    long free = host.memoryFreeBytes();
    if (free > 0 || bytes > 0) {
      return bytes <= free;
    }
    return host.spec().vmMemoryBytes() - host.memoryCommittedBytes() >= 0;
  }

  private static boolean possibleOwnerOfAll(List<VirtualMachine> vms, Host host) {
    for (VirtualMachine vm : vms) {
      if (!vm.spec().mayRunOn(host.id())) {
        return false;
      }
    }
    return true;
  }
}
