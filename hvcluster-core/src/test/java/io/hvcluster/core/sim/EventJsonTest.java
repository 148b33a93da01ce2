package io.hvcluster.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.ClusterFormed;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class EventJsonTest {
  private final EventJson json = new EventJson();

  @Test
  void writesTimeTypeAndClusterFirstThenTheEventsFields() {
    assertThat(json.encode(new ClusterFormed(5, "HV1", List.of(HostId.of("a"), HostId.of("b")))))
        .isEqualTo("{\"t\":5,\"type\":\"ClusterFormed\",\"cluster\":\"HV1\",\"members\":[\"a\",\"b\"]}");
    assertThat(json.encode(new LunStateChanged(7, "HV1", LunId.of("l1"), LunState.ONLINE, LunState.OFFLINE,
        Optional.empty(), "released")))
        .isEqualTo("{\"t\":7,\"type\":\"LunStateChanged\",\"cluster\":\"HV1\",\"lun\":\"l1\",\"from\":\"ONLINE\","
            + "\"to\":\"OFFLINE\",\"owner\":null,\"reason\":\"released\"}");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(json.encode(new OperatorAction(0, "HV1", "say \"hi\"\\", "line\nbreak\u0001")))
        .endsWith("\"action\":\"say \\\"hi\\\"\\\\\",\"target\":\"line\\nbreak\\u0001\"}");
  }

  @Test
  void writesMigrationPhasesAndPassesAsArraysOfObjects() {
    MigrationResult r = new MigrationResult("live", VmId.of("v"), HostId.of("a"), HostId.of("b"),
        MigrationOutcome.COMPLETED, 0, 10, 2, 100, List.of(new MigrationPhase("pre-copy", 0, 8),
            new MigrationPhase("switchover", 8, 10)), List.of(new MigrationPass(1, 2, 8192, 8)), false, "ok");
    assertThat(json.encode(new MigrationFinished(10, "HV1", r)))
        .contains("\"phases\":[{\"name\":\"pre-copy\",\"start\":0,\"end\":8},{\"name\":\"switchover\",\"start\":8,\"end\":10}]")
        .contains("\"passes\":[{\"index\":1,\"pages\":2,\"bytes\":8192,\"durationNanos\":8}]")
        .endsWith("\"fellBackToQuick\":false,\"reason\":\"ok\"}");
  }

  @Test
  void theTraceHashDependsOnEveryFieldAndOnOrder() {
    EventBus one = new EventBus(null);
    one.emit(new OperatorAction(1, "HV1", "a", "x"));
    one.emit(new OperatorAction(2, "HV1", "b", "x"));
    EventBus swapped = new EventBus(null);
    swapped.emit(new OperatorAction(2, "HV1", "b", "x"));
    swapped.emit(new OperatorAction(1, "HV1", "a", "x"));
    EventBus changed = new EventBus(null);
    changed.emit(new OperatorAction(1, "HV1", "a", "x"));
    changed.emit(new OperatorAction(2, "HV1", "b", "y"));
    EventBus same = new EventBus(new StringBuilder());
    same.emit(new OperatorAction(1, "HV1", "a", "x"));
    same.emit(new OperatorAction(2, "HV1", "b", "x"));
    assertThat(same.traceHash()).as("writing a trace does not change the hash").isEqualTo(one.traceHash());
    assertThat(swapped.traceHash()).isNotEqualTo(one.traceHash());
    assertThat(changed.traceHash()).isNotEqualTo(one.traceHash());
    // Concatenation cannot collide: "ab" + "" differs from "a" + "b".
    EventBus left = new EventBus(null);
    left.emit(new OperatorAction(1, "HV1", "ab", ""));
    EventBus right = new EventBus(null);
    right.emit(new OperatorAction(1, "HV1", "a", "b"));
    assertThat(left.traceHash()).isNotEqualTo(right.traceHash());
  }
}
