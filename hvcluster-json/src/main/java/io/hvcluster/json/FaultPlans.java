package io.hvcluster.json;

import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads and writes testkit fault plans ({@link FaultPlan}) as files, the format a scenario's
 * {@code faults} field takes ({@code docs/scenario-format.md}): the plan's own messages become JSON paths
 * ({@code plan.json: $.faults[2]: split: ...}), and every time in the plan is at most
 * {@link RunDurations#MAX}, checked before anything converts it to nanoseconds.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlans.read(Path.of("crash-then-split.json"));
 * String json = FaultPlans.write(plan);
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FaultPlans {
  private static final Pattern FAULT_AT = Pattern.compile("fault #(\\d+)(?: \\(([a-z-]+)\\))?:? ?(.*)", Pattern.DOTALL);

  private FaultPlans() {}

  /**
   * Reads a fault plan file.
   *
   * @param file the file, read by {@link InputFiles#read(Path)}
   * @return the plan
   * @throws InvalidInputException naming the file and the JSON path of the first problem
   */
  public static FaultPlan read(Path file) {
    return parse(InputFiles.read(file), file, "$");
  }

  /**
   * Parses fault-plan text.
   *
   * @param text the JSON text
   * @return the plan
   * @throws InvalidInputException naming the JSON path of the first problem
   */
  public static FaultPlan parse(String text) {
    return parse(text, null, "$");
  }

  /**
   * Writes a plan as the JSON {@link #read(Path)} reads.
   *
   * @param plan the plan
   * @return the JSON text
   */
  public static String write(FaultPlan plan) {
    return plan.toJson();
  }

  /** Parses a plan found at {@code prefix} of {@code file} (a scenario's {@code $.faults}, or a plan file's {@code $}). */
  static FaultPlan parse(String text, Path file, String prefix) {
    String at = (file == null ? "" : file + ": ") + prefix;
    FaultPlan plan;
    try {
      plan = FaultPlan.fromJson(text);
    } catch (IllegalArgumentException e) {
      throw problem(file, at, e);
    }
    for (int i = 0; i < plan.faults().size(); i++) {
      Fault f = plan.faults().get(i);
      bounded(file, at + ".faults[" + i + "].at", f.at());
      if (f.duration().isPresent()) {
        bounded(file, at + ".faults[" + i + "].for", f.duration().get());
      }
    }
    bounded(file, at + ".heal.at", plan.heal().at());
    bounded(file, at + ".heal.quiet", plan.heal().quiet());
    return plan;
  }

  private static void bounded(Path file, String where, Duration d) {
    try {
      RunDurations.check(RunDurations.show(d), d);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(file, where + ": " + e.getMessage(), e);
    }
  }

  /** Turns a fault plan's own message ("fault #2 (split): ...") into a JSON path under {@code at}. */
  private static InvalidInputException problem(Path file, String at, IllegalArgumentException e) {
    String message = e.getMessage() == null ? "not a valid fault plan" : e.getMessage().replace('\n', ' ');
    if (message.startsWith("fault plan: ")) {
      message = message.substring("fault plan: ".length());
    }
    Matcher m = FAULT_AT.matcher(message);
    if (m.matches()) {
      return new InvalidInputException(file, at + ".faults[" + m.group(1) + "]: " + (m.group(2) == null ? ""
          : m.group(2) + ": ") + m.group(3), e);
    }
    if (message.startsWith("heal: ")) {
      return new InvalidInputException(file, at + ".heal: " + message.substring("heal: ".length()), e);
    }
    return new InvalidInputException(file, at + ": " + message, e);
  }
}
