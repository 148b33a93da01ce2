package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {
  private static final List<String> COMMANDS = List.of("demo", "simulate", "migrate", "torture", "validate", "plan",
      "save-bench", "saved-state", "help");
  private static final List<String> OPTIONS = List.of("--hosts", "--vms", "--days", "--failures-per-hour",
      "--repair-hours", "--seed", "--json", "-h", "--help", "-V", "--version");

  @Test
  void aLetterMissingExtraWrongOrSwappedIsForgiven() {
    assertThat(Suggestions.closest("simulat", COMMANDS)).containsExactly("simulate");
    assertThat(Suggestions.closest("tortrue", COMMANDS)).containsExactly("torture");
    assertThat(Suggestions.closest("--hostz", OPTIONS)).containsExactly("--hosts");
    assertThat(Suggestions.closest("--hots", OPTIONS)).containsExactly("--hosts");
    assertThat(Suggestions.closest("--sede", OPTIONS)).containsExactly("--seed");
  }

  @Test
  void theStartOfANameSuggestsIt() {
    assertThat(Suggestions.closest("--failures", OPTIONS)).containsExactly("--failures-per-hour");
    assertThat(Suggestions.closest("saved", COMMANDS)).containsExactly("saved-state");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    assertThat(Suggestions.closest("frobnicate", COMMANDS)).isEmpty();
    assertThat(Suggestions.closest("--bogus", OPTIONS)).isEmpty();
    assertThat(Suggestions.closest("-x", OPTIONS)).isEmpty();
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertThat(Suggestions.distance("verfiy", "verify")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
