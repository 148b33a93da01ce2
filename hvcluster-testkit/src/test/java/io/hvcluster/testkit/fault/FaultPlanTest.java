package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class FaultPlanTest {
  private static final Heal HEAL = new Heal(Duration.ofMinutes(2), Duration.ofMinutes(5));

  @Test
  void everyKindIsCoveredByTheExamples() {
    Set<FaultKind> kinds = AllKinds.faults().stream().map(Fault::kind).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(FaultKind.class));
  }

  @Test
  void jsonRoundTripsAPlanWithEveryKind() {
    FaultPlan plan = new FaultPlan(AllKinds.faults(), HEAL);
    String json = plan.toJson();
    assertThat(FaultPlan.fromJson(json)).isEqualTo(plan);
    assertThat(FaultPlan.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void jsonPutsOneFaultOnEachLine() {
    FaultPlan plan = FaultPlan.of(HEAL,
        new HostCrash(HostSelector.explicit("node2"), Timing.atSeconds(0).lasting(Duration.ofMillis(1))),
        new Split(HostSelector.minority(), Timing.atSeconds(10)));
    assertThat(plan.toJson()).isEqualTo("{\n"
        + "  \"faults\": [\n"
        + "    {\"fault\": \"host-crash\", \"at\": \"0s\", \"for\": \"1ms\", \"hosts\": \"explicit(node2)\"},\n"
        + "    {\"fault\": \"split\", \"at\": \"10s\", \"side\": \"minority\"}\n"
        + "  ],\n"
        + "  \"heal\": {\"at\": \"2m\", \"quiet\": \"5m\"}\n"
        + "}\n");
  }

  @Test
  void aPlanPastedIntoATestReadsBack() {
    FaultPlan plan = FaultPlan.fromJson(String.join("\n",
        "{",
        "  \"faults\": [",
        "    {\"fault\": \"torn-write\", \"at\": \"PT1M\", \"luns\": \"of-vm(vm1)\", \"shape\": \"prefix\"},",
        "    {\"fault\": \"heartbeat-loss\", \"at\": \"30s\", \"for\": \"1m30s\", \"hosts\": \"one\", \"lossPercent\": 60}",
        "  ],",
        "  \"heal\": {\"at\": \"2m\", \"quiet\": \"0s\"}",
        "}"));
    assertThat(plan.faults()).extracting(Fault::kind).containsExactly(FaultKind.HEARTBEAT_LOSS, FaultKind.TORN_WRITE);
    assertThat(plan.faults().get(0).duration()).contains(Duration.ofSeconds(90));
  }

  @Test
  void emptyPlansRoundTrip() {
    FaultPlan empty = FaultPlan.empty(HEAL);
    assertThat(empty.toJson()).contains("\"faults\": [],");
    assertThat(FaultPlan.fromJson(empty.toJson())).isEqualTo(empty);
  }

  @Test
  void badJsonIsRejectedWithAMessageThatSaysWhereAndWhy() {
    String heal = "\"heal\": {\"at\": \"2m\", \"quiet\": \"5m\"}";
    assertThatThrownBy(() -> FaultPlan.fromJson("{\"faults\": [{\"fault\": \"meteor\", \"at\": \"1s\"}], " + heal + "}"))
        .hasMessageContaining("fault #0").hasMessageContaining("unknown fault kind 'meteor'");
    assertThatThrownBy(() -> FaultPlan.fromJson("{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"1s\"}], " + heal + "}"))
        .hasMessageContaining("fault #0 (host-crash)").hasMessageContaining("\"hosts\" is missing");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"1s\", \"hosts\": \"one\", \"color\": 1}], " + heal + "}"))
        .hasMessageContaining("unknown key \"color\"");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"bit-rot\", \"at\": \"1s\", \"for\": \"2s\", \"luns\": \"one\", \"bits\": 1}], " + heal + "}"))
        .hasMessageContaining("instantaneous");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"3m\", \"hosts\": \"one\"}], " + heal + "}"))
        .hasMessageContaining("after the heal phase");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"soon\", \"hosts\": \"one\"}], " + heal + "}"))
        .hasMessageContaining("'soon' is not a duration");
    assertThatThrownBy(() -> FaultPlan.fromJson("{\"faults\": [], \"faults\": [], " + heal + "}"))
        .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> FaultPlan.fromJson("{\"faults\": [], " + heal + "} trailing"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"heartbeat-loss\", \"at\": \"1s\", \"hosts\": \"one\", \"lossPercent\": 0}], " + heal + "}"))
        .hasMessageContaining("allowed: 1 to 100");
    assertThatThrownBy(() -> FaultPlan.fromJson(
        "{\"faults\": [{\"fault\": \"torn-write\", \"at\": \"1s\", \"luns\": \"one\", \"shape\": \"diagonal\"}], " + heal + "}"))
        .hasMessageContaining("allowed: prefix, suffix, garbage");
  }

  @Test
  void faultsAreSortedByStartStably() {
    Fault late = new HostCrash(HostSelector.one(), Timing.atSeconds(20));
    Fault first = new Isolate(HostSelector.one(), Timing.atSeconds(5));
    Fault second = new Split(HostSelector.minority(), Timing.atSeconds(5));
    assertThat(FaultPlan.of(HEAL, late, first, second).faults()).containsExactly(first, second, late);
  }

  @Test
  void timelineListsFaultsHealAndEnd() {
    FaultPlan plan = FaultPlan.of(HEAL,
        new HostCrash(HostSelector.explicit("node2"), Timing.atSeconds(0).lasting(Duration.ofSeconds(30))),
        new BitRot(LunSelector.one(), 8, Timing.atSeconds(60)),
        new Split(HostSelector.minority(), Timing.atSeconds(90)));
    assertThat(plan.timeline()).isEqualTo(String.join("\n",
        "fault plan: 3 faults; heal at 2m, then 5m quiet",
        "  at 0s     until 30s   host-crash hosts=explicit(node2)",
        "  at 1m     instant     bit-rot luns=one bits=8",
        "  at 1m30s  until heal  split side=minority",
        "  at 2m     heal        every fault still active heals",
        "  at 7m     end         quiet period over (liveness checks)"));
  }

  @Test
  void activeUntilIsCutShortByTheHealPhase() {
    Fault longCrash = new HostCrash(HostSelector.one(), Timing.atSeconds(100).lasting(Duration.ofMinutes(10)));
    FaultPlan plan = FaultPlan.of(HEAL, longCrash);
    assertThat(plan.activeUntil(longCrash)).isEqualTo(Duration.ofMinutes(2));
  }
}
