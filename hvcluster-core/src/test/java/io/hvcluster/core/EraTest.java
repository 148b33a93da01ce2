package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.InvalidDescriptionException;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationItem;
import io.hvcluster.core.management.validation.ValidationRule;
import io.hvcluster.core.management.validation.ValidationStatus;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The era: features from a later Windows Server release are refused, naming the release. */
final class EraTest {
  private static ClusterSpec withCsv(ClusterSpec base) {
    List<LunSpec> luns = new ArrayList<>(base.storage().luns());
    luns.add(LunSpec.sharedVolume("csv1", 500));
    return new ClusterSpec(base.name(), base.quorum(), base.hosts(), StorageSpec.iscsi(luns), base.vms(), base.settings());
  }

  @Test
  void aClusterSharedVolumeNeedsWindowsServer2008R2() {
    ClusterSpec spec = withCsv(TestSpecs.cluster("E", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 1));
    assertThat(spec.era()).isEqualTo(Era.DEFAULT);
    assertThat(spec.withEra(Era.WS2008_R2).era()).isEqualTo(Era.WS2008_R2);
    assertThatThrownBy(() -> spec.withEra(Era.WS2008))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("LUN 'csv1' is a Cluster Shared Volume, which came with Windows Server 2008 R2; this cluster's era"
            + " is WS2008 (Windows Server 2008); set the era to WS2008_R2 or later, or leave the feature out");
  }

  @Test
  void aGroupPriorityOtherThanMediumIsAWindowsServer2012Property() {
    ClusterSpec base = TestSpecs.cluster("E", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 1);
    VmSpec high = base.vms().get(0).toBuilder().priority(Priority.HIGH).build();
    ClusterSpec spec = new ClusterSpec(base.name(), base.quorum(), base.hosts(), base.storage(), List.of(high),
        base.settings());
    assertThat(spec.withEra(Era.WS2012).vms()).hasSize(1);
    assertThatThrownBy(() -> spec.withEra(Era.WS2008_R2)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("VM 'vm1' has group priority HIGH, which came with Windows Server 2012;");
    assertThat(base.withEra(Era.WS2008).era()).as("medium is every group's priority before 2012")
        .isEqualTo(Era.WS2008);
  }

  @Test
  void liveMigrationIsRefusedInAWindowsServer2008Cluster() {
    ClusterSpec spec = TestSpecs.cluster("E", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 1).withEra(Era.WS2008);
    try (Simulation sim = Simulation.builder().seed(5).build()) {
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      VmId vm = VmId.of("vm1");
      HostId other = c.hosts().stream().map(h -> h.id()).filter(h -> !h.equals(c.vm(vm).host().orElseThrow()))
          .findFirst().orElseThrow();
      assertThatThrownBy(() -> c.migrate(vm, other, LiveMigration.withDefaults()))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageStartingWith("the live migration strategy, which came with Windows Server 2008 R2; this cluster's"
              + " era is WS2008");
      c.migrate(vm, other, QuickMigration.lazy());
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.vm(vm).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(vm).host()).contains(other);
    }
  }

  @Test
  void validateReportsTheEraAndEachFeatureFromALaterRelease() {
    ClusterDescription d = ClusterDescription.fromSpec(withCsv(TestSpecs.cluster("E",
        QuorumModel.NODE_AND_DISK_MAJORITY, 2, 1)));
    List<ValidationItem> fine = ConfigurationValidator.validate(d.check()).items().stream()
        .filter(i -> i.rule() == ValidationRule.ERA).toList();
    assertThat(fine).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(ValidationStatus.PASS);
      assertThat(i.reason()).startsWith("WS2012: Windows Server 2012 with VMM 2012 (no era is stated");
    });
    ClusterDescription old = d.toBuilder().era(Era.WS2008).build();
    List<ValidationItem> refused = ConfigurationValidator.validate(old.check()).items().stream()
        .filter(i -> i.rule() == ValidationRule.ERA).toList();
    assertThat(refused).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(ValidationStatus.FAIL);
      assertThat(i.subject()).isEqualTo("csv1");
      assertThat(i.reason()).contains("which came with Windows Server 2008 R2");
    });
    assertThatThrownBy(old::toSpec).isInstanceOf(InvalidDescriptionException.class)
        .hasMessageContaining("$.storage.luns[2].csv");
    assertThat(old.toBuilder().era(Era.WS2008_R2).build().toSpec().era()).isEqualTo(Era.WS2008_R2);
  }
}
