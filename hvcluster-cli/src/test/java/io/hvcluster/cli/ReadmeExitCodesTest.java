package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's table of exit codes is the one the commands return. */
final class ReadmeExitCodesTest {
  private static Map<Integer, String> readmeCodes() throws Exception {
    String readme = Files.readString(CliRun.repositoryFile(".", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Exit codes");
    assertThat(start).as("README.md has an 'Exit codes' section").isNotNegative();
    Matcher row = Pattern.compile("(?m)^\\| (\\d) \\| (.+) \\|$").matcher(readme.substring(start));
    Map<Integer, String> codes = new LinkedHashMap<>();
    while (row.find()) {
      codes.put(Integer.parseInt(row.group(1)), row.group(2));
    }
    return codes;
  }

  @Test
  void everyExitCodeIsListed() throws Exception {
    Map<Integer, String> codes = readmeCodes();
    assertThat(codes).containsOnlyKeys(0, 1, 2, 3);
    assertThat(codes.get(Main.EXIT_USAGE)).contains("bad input");
    assertThat(codes.get(SavedStateCommand.EXIT_CORRUPT)).contains("saved-state verify");
    assertThat(codes.get(TortureCommand.EXIT_VIOLATIONS)).contains("torture", "validate", "plan", "migrate");
  }

  @Test
  void theListedCodesAreTheOnesReturned(@TempDir Path dir) throws Exception {
    assertThat(CliRun.of("--version").exit()).isZero();
    assertThat(CliRun.of("simulate", "--hosts", "ten").exit()).isEqualTo(2);
    assertThat(CliRun.of("saved-state", "verify", dir.resolve("absent.vsv").toString()).exit()).isEqualTo(3);
  }
}
