package io.hvcluster.api;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Thrown when a host, VM, LUN or group is looked up by a name the cluster does not know.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class NoSuchEntityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the unknown entity and listing the known ones.
   *
   * @param kind what was looked up, for example {@code "host"}
   * @param name the unknown name
   * @param known the names that exist, in a deterministic order
   */
  public NoSuchEntityException(String kind, String name, Collection<?> known) {
    super("no " + kind + " named '" + name + "'; known " + kind + "s: "
        + (known.isEmpty() ? "none" : known.stream().map(String::valueOf).limit(20).collect(Collectors.joining(", "))
            + (known.size() > 20 ? ", ... (" + known.size() + " in all)" : "")));
  }
}
