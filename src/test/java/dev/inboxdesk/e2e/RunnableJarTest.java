package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one artifact everything builds on starts with nothing but a JDK. */
class RunnableJarTest {

  private static Path jar() {
    Path jar = Path.of(System.getProperty("inboxdesk.jar", "../../app/target/inboxdesk.jar"));
    assertThat(jar).as("built by the app module's package phase").exists();
    return jar;
  }

  private static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void theJarReportsItsVersion() throws Exception {
    assertThat(run("--version").strip()).matches("InboxDesk \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void theJarBundlesTheClientAndJavaFx() throws Exception {
    try (var zip = new java.util.zip.ZipFile(jar().toFile())) {
      assertThat(zip.getEntry("dev/inboxdesk/client/MessagesClient.class")).isNotNull();
      assertThat(zip.getEntry("javafx/application/Application.class")).isNotNull();
      assertThat(zip.getEntry("okhttp3/OkHttpClient.class")).isNotNull();
    }
    assertThat(Files.size(jar())).isGreaterThan(1_000_000);
  }
}
