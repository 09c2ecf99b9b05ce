package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Connections and sign-in as a user does them: through the dialogs. */
class AccountsWindowTest extends WindowTest {
  final Sandbox staging = Sandbox.start(SandboxOptions.defaults().withSize(12));

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @AfterEach
  void stopStaging() {
    staging.close();
  }

  @Test
  void aNewConnectionIsSavedUsedAndSignedIntoFromTheDialogs(FxRobot robot) throws TimeoutException {
    robot.clickOn("#messagesAccount").clickOn("Connections…");
    robot.clickOn("#profileName").write("Staging");
    robot.clickOn("#profileUrl").write(staging.messagesUrl());
    robot.clickOn("#profileSave");
    robot.clickOn("#profiles .list-cell");
    robot.clickOn("#profileUse");
    waitUntil(() -> !context.model().connection(Connection.Service.MESSAGES).sandbox());
    robot.type(KeyCode.ESCAPE);

    robot.clickOn("#messagesAccount").clickOn("Sign in…");
    robot.clickOn("#signInEmail").eraseText(40).write("ada@example.com");
    robot.clickOn("#signInPassword").write("ada-demo");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> inbox().allRows().size() == 12);
    assertThat(robot.lookup("#messagesAccount").queryAs(MenuButton.class).getText()).contains("ada@example.com");
    Profile saved = context.model().accounts().settings().lastUsed(Connection.Service.MESSAGES).orElseThrow();
    assertThat(saved.name()).isEqualTo("Staging");
    assertThat(saved.account()).isEqualTo("ada@example.com");
  }

  @Test
  void movingAConnectionToAnotherAddressForgetsItsRememberedSessionAndSaysSo(FxRobot robot)
      throws TimeoutException {
    Profile saved = Profile.create("Staging", Connection.Service.MESSAGES, staging.messagesUrl())
        .withAccount("ada@example.com").withRememberMe(true);
    context.model().accounts().update(s -> s.withProfile(saved));
    context.model().accounts().secrets().write(saved.id(), "remembered-session-token");

    robot.clickOn("#messagesAccount").clickOn("Connections…");
    robot.clickOn("#profiles .list-cell");
    fx(() -> robot.lookup("#profileUrl").queryAs(TextField.class).setText("http://localhost:1"));
    robot.clickOn("#profileSave");

    waitUntil(() -> context.model().accounts().settings().profile(saved.id()).orElseThrow().baseUrl()
        .equals("http://localhost:1"));
    assertThat(context.model().accounts().secrets().read(saved.id())).isEmpty();
    assertThat(robot.lookup("#profileNotice").tryQueryAs(Label.class)).get().extracting(Label::getText)
        .asString().contains("remembered session", "forgotten");
  }

  @Test
  void aWrongPasswordIsSaidInWordsAndTheDialogStaysOpen(FxRobot robot) throws TimeoutException {
    context.model().signOut(Connection.Service.MESSAGES).join();
    waitUntil(() -> !context.model().connection(Connection.Service.MESSAGES).signedIn());

    robot.clickOn("#messagesAccount").clickOn("Sign in…");
    robot.clickOn("#signInEmail").write("ada@example.com");
    robot.clickOn("#signInPassword").write("not-it");
    robot.type(KeyCode.ENTER);

    try {
      waitUntil(() -> robot.lookup("#signInMessage").queryAs(Label.class).getText().contains("password is wrong"));
    } catch (TimeoutException e) {
      throw new AssertionError("dialog says: " + robot.lookup("#signInMessage").queryAs(Label.class).getText(), e);
    }
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void aPastedAccessTokenSignsIn(FxRobot robot) throws TimeoutException {
    String token = accessTokenFromTheSandbox();
    context.model().signOut(Connection.Service.NOTIFICATIONS).join();
    waitUntil(() -> notifications().allRows().isEmpty());

    robot.clickOn("#notificationsAccount").clickOn("Sign in…");
    robot.clickOn("#signInPasteMode");
    // Pasted, as a user would, rather than typed key by key.
    fx(() -> robot.lookup("#signInToken").queryAs(javafx.scene.control.TextField.class).setText(token));
    robot.clickOn("#signInToken");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> notifications().allRows().size() == 30);
  }

  private String accessTokenFromTheSandbox() {
    try (var client = dev.inboxdesk.client.NotificationsClient.create(dev.inboxdesk.client.ClientConfig.builder(
        context.sandbox().notificationsUrl()).build())) {
      var body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(context.sandbox().notificationsUrl() + "/auth/login")).header("Content-Type",
          "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
          "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      var matcher = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(body);
      assertThat(matcher.find()).isTrue();
      return matcher.group(1);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
