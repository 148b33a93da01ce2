package io.hvcluster.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class RunRecordTest {
  private static final RunRecord RECORD = RunRecord.builder(42, -7L).failure("S3: two owners").label("p=1")
      .fingerprint("abc").count("faults", 3).count("faults", 2).measure("availability", 0.999).build();

  @Test
  void aRecordSurvivesItsEncoding() {
    RunRecord back = RunRecord.decode(RECORD.encode());
    assertThat(back).isEqualTo(RECORD);
    assertThat(back.counts()).containsEntry("faults", 5L);
    assertThat(back.passed()).isFalse();
    assertThat(back.toString()).isEqualTo("run 42 [p=1] failed: S3: two owners (abc)");
  }

  @Test
  void equalRecordsHaveEqualBytesWhateverTheOrderTheyWereBuiltIn() {
    RunRecord a = RunRecord.builder(1, 2).count("b", 1).count("a", 2).build();
    RunRecord b = RunRecord.builder(1, 2).count("a", 2).count("b", 1).build();
    assertThat(a.encode()).isEqualTo(b.encode());
  }

  @Test
  void hostileBytesAreRefusedWithoutReadingPastTheEnd() {
    byte[] good = RECORD.encode();
    assertThatThrownBy(() -> RunRecord.decode(Arrays.copyOf(good, good.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
    byte[] format = good.clone();
    format[0] = 9;
    assertThatThrownBy(() -> RunRecord.decode(format)).hasMessageContaining("format 9");
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> RunRecord.decode(longer)).hasMessageContaining("1 bytes after its end");
    byte[] huge = RunRecord.builder(0, 0).build().encode();
    // The count of counts sits after the three empty strings: byte 1 + 4 + 8 + 3 * 2 = 19.
    huge[19] = 0x7f;
    assertThatThrownBy(() -> RunRecord.decode(huge)).hasMessageContaining("claims");
  }

  @Test
  void longTextIsCut() {
    RunRecord r = RunRecord.builder(0, 0).failure("x".repeat(10_000)).build();
    assertThat(r.failure()).hasSize(RunRecord.MAX_TEXT).endsWith("…");
    assertThat(RunRecord.decode(r.encode())).isEqualTo(r);
  }
}
