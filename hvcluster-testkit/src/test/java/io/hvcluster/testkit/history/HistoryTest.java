package io.hvcluster.testkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.Timing;
import org.junit.jupiter.api.Test;

final class HistoryTest {
  private static final long S = 1_000_000_000L;

  @Test
  void operationsAreInvokedThenCompleted() {
    History h = new History();
    h.invoke(1, 0, "migrate", "vm1 -> node2");
    h.invoke(2, S, "stop-vm", "vm2");
    h.ok(2, 2 * S, "stop-vm", "");
    assertThat(h.pending()).extracting(HistoryEntry::f).containsExactly("migrate");
    h.fail(1, 3 * S, "migrate", "target lost arbitration");
    assertThat(h.pending()).isEmpty();
    assertThat(h.entries()).extracting(HistoryEntry::type)
        .containsExactly(EntryType.INVOKE, EntryType.INVOKE, EntryType.OK, EntryType.FAIL);
  }

  @Test
  void aProcessWithAnIndeterminateResultIsRetired() {
    History h = new History();
    h.invoke(1, 0, "migrate", "vm1");
    h.info(1, S, "migrate", "acknowledgement lost");
    assertThat(h.isRetired(1)).isTrue();
    assertThatThrownBy(() -> h.invoke(1, 2 * S, "migrate", "vm1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("p1 was retired");
  }

  @Test
  void theNemesisAppliesAndHealsFaultsAsInvokeInfoPairsAndIsNeverRetired() {
    History h = new History();
    HostCrash crash = new HostCrash(HostSelector.one(), Timing.atSeconds(0));
    h.faultApplied(0, crash, "node2");
    h.faultApplied(S, crash, "node3");
    h.faultHealed(2 * S, crash, "node2");
    assertThat(h.pending()).isEmpty();
    assertThat(h.entries()).extracting(HistoryEntry::toString).containsExactly(
        "#0 t=0s nemesis invoke host-crash hosts=one", "#1 t=0s nemesis info host-crash node2",
        "#2 t=1s nemesis invoke host-crash hosts=one", "#3 t=1s nemesis info host-crash node3",
        "#4 t=2s nemesis invoke heal-host-crash hosts=one", "#5 t=2s nemesis info heal-host-crash node2");
  }

  @Test
  void rulesAreEnforced() {
    History h = new History();
    h.invoke(1, 5 * S, "migrate", "vm1");
    assertThatThrownBy(() -> h.invoke(1, 6 * S, "stop-vm", "vm1")).hasMessageContaining("still in flight");
    assertThatThrownBy(() -> h.ok(1, 6 * S, "stop-vm", "")).hasMessageContaining("but invoked migrate");
    assertThatThrownBy(() -> h.ok(2, 6 * S, "migrate", "")).hasMessageContaining("without an operation in flight");
    assertThatThrownBy(() -> h.ok(1, 4 * S, "migrate", "")).hasMessageContaining("time goes backwards");
    assertThatThrownBy(() -> h.invoke(History.CLUSTER, 6 * S, "x", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSliceMarksTheEntryAndCountsTheRest() {
    History h = new History();
    for (int i = 0; i < 10; i++) {
      h.event(i * S, "node-state-changed", "host=node" + i);
    }
    assertThat(h.renderAround(5, 1, 1)).isEqualTo(String.join("\n",
        "     ... 4 earlier entries",
        "   #4    t=4s  cluster  info    node-state-changed host=node4",
        ">> #5    t=5s  cluster  info    node-state-changed host=node5",
        "   #6    t=6s  cluster  info    node-state-changed host=node6",
        "     ... 3 later entries",
        ""));
    assertThatThrownBy(() -> h.renderAround(10, 1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
