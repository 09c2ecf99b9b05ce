package dev.inboxdesk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's examples, each in a JVM of its own, against the embedded sandbox's demo
 * account, and checks what they print; and checks that the README shows them as they are.
 */
class ExamplesTest {
  private static final Path SOURCES = Path.of(System.getProperty("examples.sources", "src/main"));
  private static final Path README = Path.of(System.getProperty("examples.readme", "../api-client/README.md"));
  private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  private Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults());
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Test
  void theJava17ExampleDeletesAndTellsEachOutcome() throws Exception {
    List<String> classpath = new ArrayList<>(libraries());
    classpath.add(0, location(CleanUp.class).toString());

    String output = run(javaOf(System.getProperty("java.home")), "-cp", String.join(File.pathSeparator, classpath),
        CleanUp.class.getName());

    assertCleanedUp(output);
  }

  @Test
  void theJava21ExampleDoesTheSameWithASwitch() throws Exception {
    Path classes = Path.of(System.getProperty("examples.java21.classes", "target/classes-java21"));
    Path java = Path.of(System.getProperty("examples.java21.java", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    assumeTrue(Files.isRegularFile(classes.resolve("dev/inboxdesk/examples/CleanUp21.class")) && Files.isExecutable(java),
        "no JDK 21+ here: the Java 21 example was not compiled (see examples/pom.xml)");
    List<String> classpath = new ArrayList<>(libraries());
    classpath.add(0, classes.toString());

    String output = run(java.toString(), "-cp", String.join(File.pathSeparator, classpath),
        "dev.inboxdesk.examples.CleanUp21");

    assertCleanedUp(output);
  }

  /** A program of its own on the module path, {@code requires dev.inboxdesk.client}, runs the example unchanged. */
  @Test
  void theExampleRunsInAModuleThatRequiresTheClient(@TempDir Path work) throws Exception {
    Path source = work.resolve("src");
    Path example = source.resolve("dev/inboxdesk/examples/CleanUp.java");
    Files.createDirectories(example.getParent());
    Files.copy(SOURCES.resolve("java/dev/inboxdesk/examples/CleanUp.java"), example);
    Files.writeString(source.resolve("module-info.java"),
        "module example.consumer {\n  requires dev.inboxdesk.client;\n}\n");
    Path out = work.resolve("out");
    String modulePath = String.join(File.pathSeparator, libraries());

    int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
        "--module-path", modulePath, "-d", out.toString(), source.resolve("module-info.java").toString(),
        example.toString());
    assertThat(compiled).as("javac --module-path").isZero();

    String output = run(javaOf(System.getProperty("java.home")), "--module-path",
        modulePath + File.pathSeparator + out, "-m", "example.consumer/dev.inboxdesk.examples.CleanUp");

    assertCleanedUp(output);
  }

  @Test
  void theReadmeShowsTheJava17ExampleWhole() throws IOException {
    String readme = Files.readString(README);
    String example = Files.readString(SOURCES.resolve("java/dev/inboxdesk/examples/CleanUp.java"));

    assertThat(between(readme, "example: CleanUp.java")).isEqualTo(example);
  }

  @Test
  void theReadmeShowsTheJava21SwitchAsItIs() throws IOException {
    String readme = Files.readString(README);
    String example = Files.readString(SOURCES.resolve("java21/dev/inboxdesk/examples/CleanUp21.java"));

    String shown = between(readme, "example: CleanUp21.java describe");
    assertThat(shown).contains("return switch (e) {");
    assertThat(example).contains(shown);
  }

  private void assertCleanedUp(String output) {
    assertThat(output).contains("240 messages");
    assertThat(output).containsPattern("(?m)^message [0-9a-f]{24}: DELETED$");
    assertThat(output).containsPattern("(?m)^\\d+ read notifications$");
    assertThat(output).containsPattern("(?m)^notification [0-9a-f-]{36}: DELETED$");
    assertThat(output).contains("notification " + UNKNOWN + ": not there (already deleted, or someone else's)");
    assertThat(output).doesNotContain("stopped:");
  }

  /** The fenced code between {@code <!-- name -->} and the next {@code <!-- end -->}. */
  private static String between(String readme, String name) {
    Matcher m = Pattern.compile("<!-- " + Pattern.quote(name) + " -->\\n```java\\n(.*?)```\\n<!-- end -->",
        Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("README block '%s'", name).isTrue();
    return m.group(1);
  }

  private String run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(sandbox.messagesUrl(), sandbox.notificationsUrl(), "ada@example.com"));
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    builder.environment().put("INBOXDESK_PASSWORD", "ada-demo");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] bytes;
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the example did not end in 90 s");
    }
    bytes = process.getInputStream().readAllBytes();
    String output = new String(bytes, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
    return output;
  }

  /** The library's jars (or its classes folder in a reactor build): the api-client, OkHttp, Okio, Kotlin, Jackson. */
  private static List<String> libraries() throws URISyntaxException {
    List<String> paths = new ArrayList<>();
    for (Class<?> type : List.of(MessagesClient.class, okhttp3.OkHttpClient.class, okio.Buffer.class,
        kotlin.Unit.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class)) {
      paths.add(location(type).toString());
    }
    return paths.stream().distinct().collect(Collectors.toList());
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String javaOf(String home) {
    return Stream.of("bin/java", "bin/java.exe").map(Path.of(home)::resolve).filter(Files::isExecutable)
        .findFirst().orElseThrow().toString();
  }
}
