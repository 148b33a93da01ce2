package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.Era;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A feature a cluster description uses that came with a Windows Server release after the description's
 * era: a Cluster Shared Volume before 2008 R2, a group priority other than medium before 2012. {@link
 * ClusterDescription#toSpec()} refuses the first one; {@code validate} reports each as a FAIL item.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param path the JSON path of the value, for example {@code $.storage.luns[2].csv}
 * @param subject the host, LUN or VM concerned
 * @param release the era that brought the feature
 * @param reason the refusal, naming the release that brought the feature
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record EraConflict(String path, String subject, Era release, String reason) {

  /**
   * Creates a conflict.
   *
   * @param path the JSON path
   * @param subject what it concerns
   * @param release the era that brought the feature
   * @param reason the refusal
   * @throws NullPointerException when a field is null
   */
  public EraConflict {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(reason, "reason");
  }

  /** Lists the conflicts of a description with its era, in file order. */
  static List<EraConflict> of(ClusterDescription d) {
    Era era = d.effectiveEra();
    List<EraConflict> out = new ArrayList<>();
    d.storage().ifPresent(s -> {
      for (int i = 0; i < s.luns().size(); i++) {
        LunDescription lun = s.luns().get(i);
        if (s.isCsv(lun) && !era.has(Era.WS2008_R2)) {
          String path = lun.csv().isPresent() ? "$.storage.luns[" + i + "].csv" : "$.storage.csv";
          out.add(new EraConflict(path, lun.name(), Era.WS2008_R2,
              era.refusal("LUN '" + lun.name() + "' is a Cluster Shared Volume", Era.WS2008_R2)));
        }
      }
    });
    for (int i = 0; i < d.vms().size(); i++) {
      VmDescription vm = d.vms().get(i);
      if (vm.priority() != io.hvcluster.api.spec.Priority.MEDIUM && !era.has(Era.WS2012)) {
        out.add(new EraConflict("$.vms[" + i + "].priority", vm.name(), Era.WS2012,
            era.refusal("VM '" + vm.name() + "' has group priority " + vm.priority(), Era.WS2012)));
      }
    }
    return out;
  }
}
