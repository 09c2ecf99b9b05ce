package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar inboxdesk.jar sandbox}: runs alone, prints what scripts need, stops on a signal. */
class SandboxCommandTest {

  @Test
  void theSandboxCommandServesBothServicesAndStopsCleanly() throws Exception {
    Path jar = Path.of(System.getProperty("inboxdesk.jar", "../../app/target/inboxdesk.jar"));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "sandbox", "--port", "0", "--size", "12").redirectErrorStream(true).start();
    try {
      List<String> lines = new ArrayList<>();
      String messagesUrl = null;
      String notificationsUrl = null;
      String token = null;
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("MESSAGES_URL=")) {
          messagesUrl = line.substring("MESSAGES_URL=".length());
        } else if (line.startsWith("NOTIFICATIONS_URL=")) {
          notificationsUrl = line.substring("NOTIFICATIONS_URL=".length());
        } else if (line.startsWith("SANDBOX_TOKEN=")) {
          token = line.substring("SANDBOX_TOKEN=".length());
        } else if (line.contains("Press Ctrl+C")) {
          break;
        }
      }

      assertThat(lines).as("startup output").anyMatch(l -> l.contains("ada@example.com / ada-demo"));
      assertThat(messagesUrl).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(notificationsUrl).isEqualTo(messagesUrl + "/api/v1");
      assertThat(token).as("the control token").matches("[0-9a-f]{48}");
      assertThat(Raw.get(messagesUrl + Sandbox.CONTROL + "/faults").statusCode()).isEqualTo(403);
      assertThat(Raw.get(messagesUrl + Sandbox.CONTROL + "/faults", Sandbox.TOKEN_HEADER, token).statusCode())
          .isEqualTo(200);
      try (MessagesClient messages = MessagesClient.create(ClientConfig.builder(messagesUrl).build());
          NotificationsClient notifications = NotificationsClient.create(
              ClientConfig.builder(notificationsUrl).build())) {
        messages.signIn("ada@example.com", "ada-demo");
        notifications.login("ada@example.com", "ada-demo");
        assertThat(messages.listMessages()).hasSize(12);
        assertThat(notifications.listAll(ReadFilter.ALL)).hasSize(12);
      }
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }
}
