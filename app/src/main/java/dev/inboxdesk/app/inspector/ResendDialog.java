package dev.inboxdesk.app.inspector;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.ResendRequest;
import dev.inboxdesk.client.Resent;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Edit and resend": a recorded request, editable (method, URL, headers, body), sent again through
 * the same signed-in client; the new answer beside the recorded one. Secrets stay masked on
 * screen: «redacted» in Authorization and Cookie is filled in from the session when sent.
 */
final class ResendDialog {
  private final Stage stage = new Stage();

  ResendDialog(Exchange recorded, InspectorView.Resend resend, ResourceBundle resources, Window owner) {
    stage.initOwner(owner);
    stage.setTitle(resources.getString("inspector.resend.title"));
    ComboBox<String> method = new ComboBox<>();
    method.getItems().setAll("GET", "POST", "PATCH", "PUT", "DELETE");
    method.setEditable(true);
    method.setValue(recorded.method());
    method.setId("resendMethod");
    TextField url = new TextField(recorded.url());
    url.setId("resendUrl");
    HBox.setHgrow(url, Priority.ALWAYS);
    TextArea headers = new TextArea(text(recorded.requestHeaders()));
    headers.setId("resendHeaders");
    headers.setPrefRowCount(6);
    TextArea body = new TextArea(recorded.requestBody());
    body.setId("resendBody");
    body.setPrefRowCount(6);
    TextArea before = answer(recorded.status() + "\n" + text(recorded.responseHeaders()) + "\n" + recorded.responseBody());
    TextArea after = answer("");
    after.setId("resendAnswer");
    Label note = new Label(resources.getString("inspector.resend.note"));
    note.setWrapText(true);
    note.getStyleClass().add("text-muted");
    Button send = new Button(resources.getString("inspector.resend.send"));
    send.setId("resendSend");
    send.setDefaultButton(true);
    send.setOnAction(event -> {
      send.setDisable(true);
      after.setText(resources.getString("inspector.resend.sending"));
      ResendRequest edited = new ResendRequest(method.getValue(), url.getText().strip(), parse(headers.getText()),
          body.getText());
      resend.send(recorded.service(), edited).whenComplete((answer, failure) -> {
        send.setDisable(false);
        after.setText(failure == null ? show(answer) : problem(failure, resources));
      });
    });
    SplitPane answers = new SplitPane(titled(resources.getString("inspector.resend.recorded"), before),
        titled(resources.getString("inspector.resend.new"), after));
    VBox.setVgrow(answers, Priority.ALWAYS);
    VBox content = new VBox(8, new HBox(8, method, url), new Label(resources.getString("inspector.resend.headers")),
        headers, new Label(resources.getString("inspector.resend.body")), body, new HBox(12, send, note), answers);
    content.setPadding(new Insets(12));
    stage.setScene(new Scene(content, 900, 720));
    stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
  }

  void show() {
    stage.show();
  }

  private static VBox titled(String title, TextArea area) {
    VBox box = new VBox(4, new Label(title), area);
    VBox.setVgrow(area, Priority.ALWAYS);
    return box;
  }

  private static TextArea answer(String text) {
    TextArea area = new TextArea(text);
    area.setEditable(false);
    area.setWrapText(true);
    area.getStyleClass().add("mono");
    return area;
  }

  private static String text(List<Exchange.Header> headers) {
    StringBuilder text = new StringBuilder();
    headers.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append('\n'));
    return text.toString();
  }

  /** "Name: value" lines back into headers; a line without a colon is skipped. */
  static List<Exchange.Header> parse(String text) {
    List<Exchange.Header> headers = new ArrayList<>();
    for (String line : text.split("\\R")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(new Exchange.Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
      }
    }
    return headers;
  }

  private static String show(Resent answer) {
    return answer.status() + "\n" + text(answer.headers()) + "\n" + answer.body();
  }

  private static String problem(Throwable failure, ResourceBundle resources) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    return cause instanceof ApiException api ? new ErrorPresenter(resources).describe(api).oneLine()
        : String.valueOf(cause);
  }
}
