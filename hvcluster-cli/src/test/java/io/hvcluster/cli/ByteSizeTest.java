package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class ByteSizeTest {
  @Test
  void acceptsBinaryUnitsWithOrWithoutIb() {
    assertThat(ByteSize.parse("2GiB")).isEqualTo(2L << 30);
    assertThat(ByteSize.parse("512MiB")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("64M")).isEqualTo(64L << 20);
    assertThat(ByteSize.parse("1G")).isEqualTo(1L << 30);
    assertThat(ByteSize.parse("4k")).isEqualTo(4096);
    assertThat(ByteSize.parse("4096")).isEqualTo(4096);
    assertThat(ByteSize.parse(" 1 TiB ")).isEqualTo(1L << 40);
    assertThat(ByteSize.parse("4096B")).isEqualTo(4096);
  }

  @Test
  void refusesDecimalUnitsNamingTheBinaryOne() {
    assertThatThrownBy(() -> ByteSize.parse("2GB")).isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageStartingWith("'2GB' is not a size; did you mean 2GiB?");
    assertThatThrownBy(() -> ByteSize.parse("512 mb")).hasMessageStartingWith("'512 mb' is not a size; did you mean 512MiB?");
    assertThatThrownBy(() -> ByteSize.parse("1TB")).hasMessageContaining("did you mean 1TiB?");
    assertThatThrownBy(() -> ByteSize.parse("8kB")).hasMessageContaining("did you mean 8KiB?");
  }

  @Test
  void rejectsWhatIsNotASizeSayingWhatIsAllowed() {
    assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("use a number of bytes with an optional unit K, M, G or T");
    assertThatThrownBy(() -> ByteSize.parse("-1G")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> ByteSize.parse("1.5G")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> ByteSize.parse("99999999999T")).hasMessage("size '99999999999T' is too large");
  }
}
