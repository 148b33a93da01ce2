package io.hvcluster.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes on the Jupiter engine and reads their results. */
final class EngineRuns {
  private EngineRuns() {}

  static EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
        .configurationParameter(Fixture.ENABLED, "true");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      builder.configurationParameter(keyValues[i], keyValues[i + 1]);
    }
    return builder.execute();
  }

  static Throwable firstTestFailure(EngineExecutionResults results) {
    return results.testEvents().failed().stream().findFirst()
        .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable)
        .orElseThrow(() -> new AssertionError("no test failed"));
  }

  static Optional<Throwable> firstContainerFailure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream().findFirst()
        .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable);
  }

  static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).map(ReportEntry::getKeyValuePairs)
        .collect(Collectors.toList());
  }

  static String reportEntry(EngineExecutionResults results, String key) {
    return reportEntries(results).stream().filter(m -> m.containsKey(key)).map(m -> m.get(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no report entry " + key + " in " + reportEntries(results)));
  }

  static List<Event> failedTests(EngineExecutionResults results) {
    return results.testEvents().failed().list();
  }
}
