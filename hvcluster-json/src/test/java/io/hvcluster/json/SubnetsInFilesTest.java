package io.hvcluster.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.InvalidDescriptionException;
import org.junit.jupiter.api.Test;

/** A description's host {@code subnet} reaches the spec, comes back from it, and a bad one names its path. */
final class SubnetsInFilesTest {
  private static String cluster(String thirdSubnet) {
    return "{\"name\": \"SITES\", \"hosts\": [{\"name\": \"node1\", \"subnet\": \"site-a\"},"
        + " {\"name\": \"node2\", \"subnet\": \"site-a\"}, {\"name\": \"node3\"" + thirdSubnet + "}],"
        + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"lun-web\", \"sizeGiB\": 40}]},"
        + " \"vms\": [{\"name\": \"web\", \"luns\": [\"lun-web\"]}]}";
  }

  @Test
  void hostSubnetsBecomeTheSpecsSubnetsAndComeBack() {
    ClusterDescription d = ClusterDescriptions.parse(cluster(", \"subnet\": \"site-b\""));
    ClusterSpec spec = d.toSpec();
    assertThat(spec.hosts()).extracting(HostSpec::subnet).containsExactly("site-a", "site-a", "site-b");
    assertThat(spec.hosts().get(0).crossesSubnet(spec.hosts().get(2))).isTrue();
    assertThat(ClusterDescriptions.write(ClusterDescription.fromSpec(spec))).contains("\"subnet\" : \"site-b\"");
    // A host without a subnet is on the default one, and the default is not written out.
    ClusterSpec mixed = ClusterDescriptions.parse(cluster("")).toSpec();
    assertThat(mixed.hosts().get(2).subnet()).isEqualTo(HostSpec.DEFAULT_SUBNET);
    String written = ClusterDescriptions.write(ClusterDescription.fromSpec(mixed));
    assertThat(written.split("\"subnet\"", -1)).as(written).hasSize(3);
    assertThat(written).doesNotContain("\"default\"");
  }

  @Test
  void aSubnetThatIsNotANameIsRefusedWithItsPath() {
    assertThatThrownBy(() -> ClusterDescriptions.parse(cluster(", \"subnet\": \"10.0.0.0/24\"")).toSpec())
        .isInstanceOf(InvalidDescriptionException.class).hasMessageContaining("$.hosts[2]")
        .hasMessageContaining("subnet name '10.0.0.0/24' is not allowed");
  }
}
