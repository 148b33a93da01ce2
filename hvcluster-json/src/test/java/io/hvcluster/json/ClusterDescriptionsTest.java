package io.hvcluster.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.VhdType;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationStatus;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

final class ClusterDescriptionsTest {

  @Test
  void absentFieldsTakeTheirDocumentedDefaults() {
    ClusterDescription d = ClusterDescriptions.parse("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\"}],"
        + "\"storage\":{\"type\":\"ISCSI\",\"luns\":[{\"name\":\"l\",\"sizeGiB\":0.5}]},\"vms\":[{\"name\":\"v\"}]}");

    assertThat(d.reserve()).isEqualTo(1);
    assertThat(d.hosts().get(0).cores()).isEqualTo(8);
    assertThat(d.hosts().get(0).memoryGiB()).isEqualTo(32);
    assertThat(d.hosts().get(0).installation()).isEqualTo(Installation.FULL);
    assertThat(d.hosts().get(0).guestNicPorts()).isEqualTo(1);
    assertThat(d.hosts().get(0).heartbeatNetwork()).isFalse();
    assertThat(d.storage().orElseThrow().persistentReservations()).isTrue();
    assertThat(d.storage().orElseThrow().certified()).isEmpty();
    assertThat(d.storage().orElseThrow().luns().get(0).sizeBytes()).isEqualTo(512L << 20);
    assertThat(d.vms().get(0).memoryGiB()).isEqualTo(1);
    assertThat(d.vms().get(0).vhdType()).isEqualTo(VhdType.FIXED);
  }

  @Test
  void everyExampleRoundTripsThroughTheWriter() throws Exception {
    for (String name : new String[] {"retail-4-node.json", "saas-12-hosts-120-vms.json", "lab-unsupported.json"}) {
      ClusterDescription d = ClusterDescriptions.parse(Files.readString(Repository.example(name)));

      assertThat(ClusterDescriptions.parse(ClusterDescriptions.write(d))).as(name).isEqualTo(d);
    }
  }

  @Test
  void theSmallExampleOfTheFormatDocumentPassesValidation() throws Exception {
    String doc = Files.readString(Repository.file("docs", "cluster-description.md"));
    int start = doc.lastIndexOf("```json") + "```json".length();
    String json = doc.substring(start, doc.indexOf("```", start));

    ClusterDescription d = ClusterDescriptions.parse(json);

    assertThat(ConfigurationValidator.validate(d).status()).isEqualTo(ValidationStatus.PASS);
  }

  @Test
  void theRetailExampleConvertsToARunnableClusterSpec() throws Exception {
    ClusterSpec spec = ClusterDescriptions.parse(Files.readString(Repository.example("retail-4-node.json"))).toSpec();

    assertThat(spec.hosts()).hasSize(4);
    assertThat(spec.vms()).hasSize(12);
    assertThat(spec.vm(io.hvcluster.api.VmId.of("sql-a")).orElseThrow().guestCluster()).isEqualTo("sql");
  }
}
