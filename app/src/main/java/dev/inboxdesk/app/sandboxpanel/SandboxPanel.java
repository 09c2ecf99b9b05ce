package dev.inboxdesk.app.sandboxpanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Sandbox;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Bends the sandbox for QA: latency, failures, dropped connections, forced 429s and 401s, fresh data. */
public final class SandboxPanel extends Dialog<Void> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxControl control;
  private final ResourceBundle resources;
  private final Spinner<Integer> latency = spinner(0, 10_000, 50, "sandboxLatency");
  private final Spinner<Integer> failRate = spinner(0, 100, 5, "sandboxFailRate");
  private final ChoiceBox<Integer> failStatus = new ChoiceBox<>(FXCollections.observableArrayList(500, 502, 503, 504));
  private final Spinner<Integer> dropRate = spinner(0, 100, 5, "sandboxDropRate");
  private final CheckBox dropAfter;
  private final Spinner<Integer> malformedRate = spinner(0, 100, 5, "sandboxMalformedRate");
  private final Spinner<Integer> htmlRate = spinner(0, 100, 5, "sandboxHtmlRate");
  private final Spinner<Integer> force429 = spinner(0, 100, 1, "sandboxForce429");
  private final Spinner<Integer> force401 = spinner(0, 100, 1, "sandboxForce401");
  private final Spinner<Integer> retryAfter = spinner(0, 600, 1, "sandboxRetryAfter");
  private final ChoiceBox<String> scope = new ChoiceBox<>(FXCollections.observableArrayList("all", "messages",
      "notifications"));
  private final Label status = new Label();

  public SandboxPanel(SandboxControl control, ResourceBundle resources, Window owner) {
    this.control = control;
    this.resources = resources;
    initOwner(owner);
    setTitle(resources.getString("sandbox.title"));
    setHeaderText(resources.getString("sandbox.header"));
    dropAfter = new CheckBox(resources.getString("sandbox.dropAfter"));
    status.setId("sandboxStatus");
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    int row = 0;
    form.addRow(row++, new Label(resources.getString("sandbox.latency")), latency);
    form.addRow(row++, new Label(resources.getString("sandbox.failRate")), new HBox(8, failRate, failStatus));
    form.addRow(row++, new Label(resources.getString("sandbox.dropRate")), new HBox(8, dropRate, dropAfter));
    form.addRow(row++, new Label(resources.getString("sandbox.malformedRate")), malformedRate);
    form.addRow(row++, new Label(resources.getString("sandbox.htmlRate")), htmlRate);
    form.addRow(row++, new Label(resources.getString("sandbox.force429")), new HBox(8, force429,
        new Label(resources.getString("sandbox.retryAfter")), retryAfter));
    form.addRow(row++, new Label(resources.getString("sandbox.force401")), force401);
    form.addRow(row, new Label(resources.getString("sandbox.scope")), scope);
    Button apply = new Button(resources.getString("sandbox.apply"));
    apply.setId("sandboxApply");
    apply.setDefaultButton(true);
    apply.setOnAction(e -> apply());
    Button none = new Button(resources.getString("sandbox.none"));
    none.setOnAction(e -> {
      show(control.setFaults(JSON.createObjectNode().put("latencyMs", 0).put("failRate", 0).put("dropRate", 0)
          .put("malformedRate", 0).put("htmlRate", 0).put("force429", 0).put("force401", 0)));
    });
    Button reset = new Button(resources.getString("sandbox.reset"));
    reset.setId("sandboxReset");
    reset.setOnAction(e -> {
      control.resetData();
      status.setText(resources.getString("sandbox.resetDone"));
    });
    StringBuilder accounts = new StringBuilder(resources.getString("signin.demo"));
    for (DemoAccount account : Sandbox.accounts()) {
      accounts.append("\n  ").append(account.describe());
    }
    Label demo = new Label(accounts.toString());
    demo.getStyleClass().add("text-muted");
    VBox content = new VBox(12, form, new HBox(8, apply, none, reset), status, testMessages(), demo);
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    show(control.faults());
  }

  /**
   * Test messages on demand: sent through the messages service's public route, as a stranger
   * would, to a demo user; the inbox shows them after a refresh.
   */
  private HBox testMessages() {
    ChoiceBox<String> to = new ChoiceBox<>();
    Sandbox.accounts().stream().filter(a -> a.service().equals("messages")).map(DemoAccount::username)
        .forEach(to.getItems()::add);
    to.getSelectionModel().selectFirst();
    to.setId("sandboxSendTo");
    Spinner<Integer> count = spinner(1, 500, 1, "sandboxSendCount");
    count.getValueFactory().setValue(1);
    TextField text = new TextField(resources.getString("sandbox.send.sample"));
    text.setId("sandboxSendText");
    text.setPrefColumnCount(22);
    Button send = new Button(resources.getString("sandbox.send"));
    send.setId("sandboxSend");
    send.setOnAction(e -> {
      send.setDisable(true);
      String user = to.getValue();
      int times = count.getValue();
      String content = text.getText();
      CompletableFuture.runAsync(() -> {
        try (MessagesClient client = MessagesClient.create(ClientConfig.builder(control.origin()).build())) {
          for (int i = 1; i <= times; i++) {
            client.sendMessage(user, times == 1 ? content : content + " (" + i + ")");
          }
        }
      }).whenComplete((done, failure) -> Platform.runLater(() -> {
        send.setDisable(false);
        status.setText(failure == null ? MessageFormat.format(resources.getString("sandbox.send.done"), times, user)
            : String.valueOf(failure.getCause() != null ? failure.getCause().getMessage() : failure));
      }));
    });
    HBox row = new HBox(8, new Label(resources.getString("sandbox.send.label")), to, count, text, send);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return row;
  }

  private void apply() {
    ObjectNode changes = JSON.createObjectNode().put("latencyMs", latency.getValue())
        .put("failRate", failRate.getValue() / 100.0).put("failStatus", failStatus.getValue())
        .put("dropRate", dropRate.getValue() / 100.0).put("dropAfterActing", dropAfter.isSelected())
        .put("malformedRate", malformedRate.getValue() / 100.0).put("htmlRate", htmlRate.getValue() / 100.0)
        .put("force429", force429.getValue()).put("force401", force401.getValue())
        .put("retryAfterSeconds", retryAfter.getValue()).put("scope", scope.getValue());
    try {
      show(control.setFaults(changes));
    } catch (IllegalArgumentException refused) {
      status.setText(refused.getMessage());
    }
  }

  private void show(JsonNode settings) {
    latency.getValueFactory().setValue(settings.path("latencyMs").asInt());
    failRate.getValueFactory().setValue((int) Math.round(settings.path("failRate").asDouble() * 100));
    failStatus.setValue(settings.path("failStatus").asInt(500));
    dropRate.getValueFactory().setValue((int) Math.round(settings.path("dropRate").asDouble() * 100));
    dropAfter.setSelected(settings.path("dropAfterActing").asBoolean());
    malformedRate.getValueFactory().setValue((int) Math.round(settings.path("malformedRate").asDouble() * 100));
    htmlRate.getValueFactory().setValue((int) Math.round(settings.path("htmlRate").asDouble() * 100));
    force429.getValueFactory().setValue(settings.path("force429").asInt());
    force401.getValueFactory().setValue(settings.path("force401").asInt());
    retryAfter.getValueFactory().setValue(settings.path("retryAfterSeconds").asInt(3));
    scope.setValue(settings.path("scope").asText("all"));
    status.setText(MessageFormat.format(resources.getString("sandbox.injected"), settings.path("injected").asLong()));
  }

  private static Spinner<Integer> spinner(int min, int max, int step, String id) {
    Spinner<Integer> spinner = new Spinner<>(min, max, min, step);
    spinner.setEditable(true);
    spinner.setPrefWidth(110);
    spinner.setId(id);
    return spinner;
  }
}
