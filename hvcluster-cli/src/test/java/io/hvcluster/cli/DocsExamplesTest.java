package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the Java blocks of the docs that promise to be compiled, runs their main class, and checks its output. */
final class DocsExamplesTest {
  private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OUTPUT = Pattern.compile("It prints[^\\n]*:\\n\\n```\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");

  @Test
  void theCustomStrategiesGuideCompilesAndPrintsWhatItSays(@TempDir Path dir) throws Exception {
    String doc = Files.readString(CliRun.repositoryFile("docs", "custom-strategies.md"), StandardCharsets.UTF_8);
    assertThat(run(doc, "CustomStrategiesExample", dir)).isEqualTo(expected(doc));
  }

  @Test
  void theEmbeddingGuideCompilesAndPrintsWhatItSays(@TempDir Path dir) throws Exception {
    String doc = Files.readString(CliRun.repositoryFile("docs", "embedding.md"), StandardCharsets.UTF_8);
    assertThat(run(doc, "CapacityCheck", dir)).isEqualTo(expected(doc));
  }

  @Test
  void theCampaignsGuideCompilesAndPrintsWhatItSays(@TempDir Path dir) throws Exception {
    String doc = Files.readString(CliRun.repositoryFile("docs", "campaigns.md"), StandardCharsets.UTF_8);
    assertThat(run(doc, "CampaignExample", dir)).isEqualTo(expected(doc));
  }

  private static String expected(String doc) {
    Matcher m = OUTPUT.matcher(doc);
    assertThat(m.find()).as("the guide shows what its example prints").isTrue();
    return m.group(1);
  }

  /** Writes each Java block to a file named after its public class, compiles them together, runs {@code main}. */
  static String run(String doc, String mainClass, Path dir) throws Exception {
    List<String> sources = new ArrayList<>(List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path")));
    Matcher m = JAVA.matcher(doc);
    while (m.find()) {
      Matcher name = CLASS.matcher(m.group(1));
      assertThat(name.find()).as("every block declares a public class").isTrue();
      Path source = dir.resolve(name.group(1) + ".java");
      Files.writeString(source, m.group(1), StandardCharsets.UTF_8);
      sources.add(source.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, null, diagnostics, sources.toArray(String[]::new));
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, DocsExamplesTest.class.getClassLoader())) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
