package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember me" with the real OS keyring: GNOME Keyring's Secret Service in a private D-Bus
 * session (CI installs both). Two app runs in two JVMs share the keyring; the second is signed in
 * without a password, and the settings file holds no secret.
 */
class OsKeyringTest {
  @TempDir
  Path folder;

  @Test
  void aSessionRememberedInTheOsKeyringSignsInTheNextRun() throws Exception {
    Assumptions.assumeTrue(onPath("dbus-run-session") && onPath("gnome-keyring-daemon"),
        "needs dbus-run-session and gnome-keyring-daemon (.ci/run installs them)");
    try (Sandbox server = Sandbox.start(SandboxOptions.defaults().withSize(9))) {
      Path settings = folder.resolve("settings.json");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String probe = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
          + OsKeyringProbe.class.getName() + " %s '" + settings + "' '" + server.messagesUrl() + "'";
      String script = "echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
          + String.format(probe, "first") + " && echo ---restart--- && " + String.format(probe, "second");

      ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "bash", "-c", script)
          .redirectErrorStream(true);
      // A keyring of the test's own, created fresh and unlocked, never the user's.
      builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
      builder.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(folder.resolve("run")).toString());
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      List<String> lines = output.lines().filter(l -> l.matches("(persistent|signedIn|messages)=.*|---restart---"))
          .toList();
      assertThat(lines).as(output).containsExactly("persistent=true", "signedIn=true", "messages=9", "---restart---",
          "persistent=true", "signedIn=true", "messages=9");
      String file = Files.readString(settings);
      assertThat(file).contains("\"rememberMe\" : true").doesNotContain("ada-demo").doesNotContain("session-token")
          .doesNotContain("eyJ");
    }
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
