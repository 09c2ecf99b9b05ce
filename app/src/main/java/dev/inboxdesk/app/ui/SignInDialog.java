package dev.inboxdesk.app.ui;

import dev.inboxdesk.app.MainViewModel;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Sandbox;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Signs in to one service: e-mail and password, then the two-factor code when the account has one. */
public final class SignInDialog extends Dialog<Boolean> {
  private final MainViewModel model;
  private final Connection.Service service;
  private final ResourceBundle resources;
  private final TextField email = new TextField();
  private final PasswordField password = new PasswordField();
  private final TextField code = new TextField();
  private final Label codeLabel;
  private final Label message = new Label();
  private String ticket;

  public SignInDialog(MainViewModel model, Connection.Service service, ResourceBundle resources, Window owner) {
    this.model = model;
    this.service = service;
    this.resources = resources;
    initOwner(owner);
    setTitle(resources.getString("signin.title"));
    String serviceName = resources.getString(service == Connection.Service.MESSAGES ? "bar.messages"
        : "bar.notifications");
    setHeaderText(MessageFormat.format(resources.getString("signin.header"), serviceName + " ("
        + model.connection(service).serverLabel() + ")"));
    email.setId("signInEmail");
    password.setId("signInPassword");
    code.setId("signInCode");
    message.setWrapText(true);
    message.getStyleClass().add("danger");
    codeLabel = new Label(resources.getString("signin.code"));
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label(resources.getString("signin.email")), email);
    form.addRow(1, new Label(resources.getString("signin.password")), password);
    form.addRow(2, codeLabel, code);
    showCodeField(false);
    VBox content = new VBox(12, form, message);
    if (model.connection(service).sandbox()) {
      StringBuilder demo = new StringBuilder(resources.getString("signin.demo"));
      String serviceKey = service == Connection.Service.MESSAGES ? "messages" : "notifications";
      for (DemoAccount account : Sandbox.accounts()) {
        if (account.service().equals(serviceKey)) {
          demo.append("\n  ").append(account.describe().substring(serviceKey.length() + 2));
        }
      }
      Label hint = new Label(demo.toString());
      hint.getStyleClass().add("text-muted");
      content.getChildren().add(hint);
    }
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Node ok = getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(ActionEvent.ACTION, event -> {
      // Stay open until the server answers; close only on success.
      event.consume();
      submit(ok);
    });
    setResultConverter(button -> button == ButtonType.OK);
    setOnShown(event -> email.requestFocus());
  }

  private void submit(Node ok) {
    ok.setDisable(true);
    message.setText(resources.getString("signin.working"));
    var attempt = ticket == null ? model.signIn(service, email.getText().strip(), password.getText())
        : model.completeTwoFactor(ticket, code.getText().strip(), email.getText().strip());
    attempt.whenComplete((result, error) -> {
      ok.setDisable(false);
      if (error != null) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        message.setText(cause instanceof MainViewModel.SignInFailed failed ? failed.problem().oneLine()
            : String.valueOf(cause.getMessage()));
        return;
      }
      if (result instanceof Connection.SignInResult.NeedsCode needsCode) {
        ticket = needsCode.ticket();
        showCodeField(true);
        message.setText("");
        code.requestFocus();
        return;
      }
      password.clear();
      setResult(true);
      close();
    });
  }

  private void showCodeField(boolean show) {
    codeLabel.setVisible(show);
    codeLabel.setManaged(show);
    code.setVisible(show);
    code.setManaged(show);
  }
}
