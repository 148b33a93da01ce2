package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example program is in the README's table and has a test of its own, and the table names no other. */
final class ExamplesAreListedAndTestedTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "hvcluster", "examples");
  private static final Path TESTS = Path.of("src", "test", "java", "io", "hvcluster", "examples");

  @Test
  void theReadmeListsEveryProgramAndEveryProgramHasATest() throws IOException {
    Set<String> programs = new TreeSet<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.toList()) {
        if (Files.readString(file, StandardCharsets.UTF_8).contains("public static void main(String[] args)")) {
          programs.add(file.getFileName().toString().replace(".java", ""));
        }
      }
    }
    assertThat(programs).hasSizeBetween(8, 10);
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Set<String> listed = new TreeSet<>();
    String section = readme.substring(readme.indexOf("### In Java"));
    section = section.substring(0, section.indexOf("\n## "));
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(section);
    while (row.find()) {
      listed.add(row.group(1));
    }
    assertThat(listed).isEqualTo(programs);
    assertThat(readme).contains("java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.NAME");
    for (String program : programs) {
      assertThat(TESTS.resolve(program + "Test.java")).as("a test runs %s", program).exists();
    }
  }
}
