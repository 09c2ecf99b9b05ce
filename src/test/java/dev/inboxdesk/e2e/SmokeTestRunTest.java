package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code inboxdesk --smoke-test}: the real jar starts on the sandbox, loads both lists, saves a
 * picture and reports its startup time. Under Xvfb when it is installed (CI installs it), else on
 * Monocle's headless platform, so it always runs.
 */
class SmokeTestRunTest {

  @Test
  void theAppStartsOnTheSandboxLoadsBothListsAndSavesAPicture() throws Exception {
    Path jar = Path.of(System.getProperty("inboxdesk.jar", "../../app/target/inboxdesk.jar")).toAbsolutePath();
    Path screenshot = Path.of("target", "smoke", "inbox.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    if (onPath("xvfb-run")) {
      command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", java, "-jar", jar.toString()));
    } else {
      String monocle = Path.of(Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory")
          .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      command.addAll(List.of(java, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
          "-cp", jar + File.pathSeparator + monocle, "dev.inboxdesk.Launcher"));
    }
    // A start like a user's, from a settings file of its own (none yet: a first start, on the sandbox).
    Path config = Files.createTempDirectory("inboxdesk-smoke");
    command.addAll(List.of("--smoke-test", "--config", config.toString(), "--screenshot", screenshot.toString(),
        "--theme", "light"));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }

    assertThat(finished).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("startup_ms=\\d+").containsPattern("loaded_ms=\\d+")
        .contains("messages=240 notifications=240");
    // JavaFX from the class path is this jar's design: no warning about it on every start.
    assertThat(output).doesNotContain("Unsupported JavaFX configuration").doesNotContain("WARNING");
    assertThat(config.resolve("logs")).isDirectory();
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
