package io.hvcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class NamesTest {
  @Test
  void acceptsLettersDigitsDotsUnderscoresAndHyphens() {
    assertThat(HostId.of("node-1.site_a").name()).isEqualTo("node-1.site_a");
    assertThat(Names.isValid("a".repeat(63))).isTrue();
  }

  @Test
  void rejectsNamesThatCouldEscapeADirectory() {
    for (String bad : new String[] {"", "../etc", "a/b", "a\\b", ".hidden", "-rf", "a b", "a".repeat(64), "é"}) {
      assertThat(Names.isValid(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> VmId.of("../x")).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("VM name '../x' is not allowed");
  }

  @Test
  void showsControlCharactersEscapedInMessages() {
    assertThatThrownBy(() -> LunId.of("a\nb")).hasMessageContaining("a\\u000ab");
  }

  @Test
  void reportsAMissingName() {
    assertThatThrownBy(() -> HostId.of(null)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("host name is missing");
  }
}
