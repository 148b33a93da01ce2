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
  void refusesWindowsDeviceNamesInAnyCaseAndBeforeAnExtension() {
    for (String device : new String[] {"con", "CON", "nul", "Aux", "prn", "com1", "COM9", "lpt1", "LpT9", "com0",
        "con.txt", "nul.vm.1", "aux."}) {
      assertThat(Names.isValid(device)).as(device).isFalse();
      assertThat(Names.isDeviceName(device)).as(device).isTrue();
    }
    assertThatThrownBy(() -> VmId.of("con")).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("VM name 'con' is a Windows device name");
    assertThatThrownBy(() -> VmId.of("COM1.web")).hasMessageContaining("'COM1.txt'");
    assertThatThrownBy(() -> Names.check("cluster", "nul"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("cluster name 'nul'");
    for (String fine : new String[] {"console", "com10", "lpt", "nul1", "auxiliary", "web.con", "prnt", "com"}) {
      assertThat(Names.isValid(fine)).as(fine).isTrue();
    }
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
