package io.hvcluster.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.OfflineAction;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.testkit.property.Property;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ClusterSpecJsonTest {
  @Test
  void everyGeneratedTopologyReadsBackExactly() {
    Property.forAll(Topologies.builder().nodes(2, 8).vms(0, 12).build()).named("spec JSON round trip").seed(16)
        .tries(200).check((spec, info) -> assertThat(ClusterSpecJson.fromJson(ClusterSpecJson.toJson(spec)))
            .isEqualTo(spec))
        .assertPassed();
  }

  @Test
  void everyValueASimulationDependsOnSurvives() {
    FailoverPolicy policy = FailoverPolicy.defaults().withRestart(1, Duration.ofMinutes(5))
        .withFailback(FailbackPolicy.window(3, 5)).withPendingTimeout(Duration.ofSeconds(90));
    ClusterSpec spec = ClusterSpec.builder("LAB").quorum(QuorumModel.NODE_AND_DISK_MAJORITY)
        .host(HostSpec.builder("a").memoryBytes((16L << 30) + 4096).cores(4).build())
        .host(HostSpec.builder("b").build()).host(HostSpec.builder("c").build())
        .storage(new StorageSpec(StorageType.FC, true, 4, List.of(LunSpec.witness("w"),
            LunSpec.sharedVolume("csv1", 100), LunSpec.data("d1", 10))))
        .vm(VmSpec.builder("sql").memoryMiB(3000).vcpus(4).guestOs(GuestOs.WINDOWS_SERVER_2003).lun("d1").lun("csv1")
            .preferredOwners("b", "a").possibleOwners("a", "b").antiAffinityClass("db").priority(Priority.HIGH)
            .guestCluster("g1").checkHeartbeat(true).offlineAction(OfflineAction.SHUT_DOWN).failover(policy)
            .workload(WorkloadSpec.of(100, 1000)).build())
        .vm(VmSpec.builder("sql2").lun("csv1").guestCluster("g1").build())
        .settings(ClusterSettings.defaults(StorageType.FC).withHeartbeat(Duration.ofMillis(500), 10))
        .build();
    String json = ClusterSpecJson.toJson(spec);
    assertThat(ClusterSpecJson.fromJson(json)).isEqualTo(spec);
    assertThat(json).contains("\"memoryBytes\": 17179873280").contains("\"settings\": {\"heartbeatDelay\": \"500ms\"");
  }

  @Test
  void badInputNamesItsJsonPathAndWhatIsAllowed() {
    String good = ClusterSpecJson.toJson(Topologies.builder().nodes(3, 3).vms(1, 1).build()
        .generate(new java.util.SplittableRandom(1)).value());
    assertThatThrownBy(() -> ClusterSpecJson.fromJson(good.replace("\"cores\"", "\"corez\"")))
        .hasMessageContaining("$.hosts[0].corez: unknown field; known fields here: name, memoryMiB");
    assertThatThrownBy(() -> ClusterSpecJson.fromJson(good.replaceFirst("\"storage\": \\{\"type\": \"[A-Z]+\"", "\"storage\": {\"type\": \"NFS\"")))
        .hasMessageContaining("$.storage.type: 'NFS' is not allowed; allowed: ISCSI, FC, SAS");
    assertThatThrownBy(() -> ClusterSpecJson.fromJson(good.replace("\"cores\": 8", "\"cores\": \"8\"")))
        .hasMessageContaining("$.hosts[0].cores: \"8\" is not a whole number");
    assertThatThrownBy(() -> ClusterSpecJson.fromJson(good + "{}")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ClusterSpecJson.fromJson(good.replace("\"cores\": 8", "\"cores\": 99")))
        .hasMessageStartingWith("cluster spec: ");
  }
}
