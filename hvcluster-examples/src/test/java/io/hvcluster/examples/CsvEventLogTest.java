package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvEventLogTest {
  @Test
  void everyEventBecomesOneRowInOrderBesideTheEnginesOwnTrace() {
    StringWriter csv = new StringWriter();
    StringBuilder trace = new StringBuilder();
    long events = CsvEventLog.run(csv, trace);
    List<String> rows = csv.toString().lines().toList();
    assertThat(rows.get(0)).isEqualTo(CsvEventLog.HEADER);
    assertThat(rows).hasSize((int) events + 1);
    assertThat(trace.toString().lines()).hasSize((int) events);
    double last = 0;
    for (String row : rows.subList(1, rows.size())) {
      List<String> fields = fields(row);
      assertThat(fields).as(row).hasSize(4);
      double seconds = Double.parseDouble(fields.get(0));
      assertThat(seconds).as(row).isGreaterThanOrEqualTo(last);
      last = seconds;
      assertThat(fields.get(1)).isEqualTo("TRAINING");
    }
    assertThat(rows.get(1)).isEqualTo("0.000000000,TRAINING,OperatorAction,operator form-cluster TRAINING");
    assertThat(rows).anyMatch(r -> r.startsWith("180.000000000,TRAINING,FaultApplied,FAULT host-crash node1"))
        .anyMatch(r -> r.contains(",NodeStateChanged,\"node1 UP → DOWN"));
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuoted() {
    assertThat(CsvEventLog.quote("plain")).isEqualTo("plain");
    assertThat(CsvEventLog.quote("a, b")).isEqualTo("\"a, b\"");
    assertThat(CsvEventLog.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void mainWritesBothFiles(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("events.csv");
    Path trace = dir.resolve("trace.jsonl");
    String out = Mains.stdout(() -> CsvEventLog.main(new String[] {csv.toString(), trace.toString()}));
    long rows = Files.readAllLines(csv, StandardCharsets.UTF_8).size();
    assertThat(Files.readAllLines(trace, StandardCharsets.UTF_8)).hasSize((int) rows - 1)
        .allMatch(l -> l.startsWith("{\"t\":"));
    assertThat(out).startsWith((rows - 1) + " events written to ");
  }

  /** Splits one RFC 4180 row. */
  private static List<String> fields(String row) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
