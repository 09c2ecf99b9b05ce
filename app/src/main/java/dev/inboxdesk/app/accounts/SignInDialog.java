package dev.inboxdesk.app.accounts;

import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Sandbox;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Signs in to one service: e-mail and password (then the two-factor code when the account has
 * one), or a token pasted from a browser. "Remember me" keeps the session in the keyring.
 */
public final class SignInDialog extends Dialog<Boolean> {
  private final SessionActions model;
  private final Connection.Service service;
  private final ResourceBundle resources;
  private final TextField email = new TextField();
  private final PasswordField password = new PasswordField();
  private final TextField code = new TextField();
  private final PasswordField token = new PasswordField();
  private final ToggleButton pasteMode;
  private final CheckBox remember;
  private final Label message = new Label();
  private final GridPane form = new GridPane();
  private String ticket;

  public SignInDialog(SessionActions model, Connection.Service service, ResourceBundle resources, Window owner) {
    this.model = model;
    this.service = service;
    this.resources = resources;
    initOwner(owner);
    setTitle(resources.getString("signin.title"));
    Connection connection = model.connection(service);
    String serviceName = resources.getString(service == Connection.Service.MESSAGES ? "bar.messages"
        : "bar.notifications");
    setHeaderText(MessageFormat.format(resources.getString("signin.header"), serviceName + " · "
        + connection.serverLabel()));
    email.setId("signInEmail");
    password.setId("signInPassword");
    code.setId("signInCode");
    token.setId("signInToken");
    connection.profile().ifPresent(profile -> email.setText(profile.account()));
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    message.setId("signInMessage");
    message.getStyleClass().add("danger");
    pasteMode = new ToggleButton(resources.getString(service == Connection.Service.MESSAGES
        ? "signin.pasteSession" : "signin.pasteAccess"));
    pasteMode.setId("signInPasteMode");
    pasteMode.selectedProperty().addListener((obs, old, on) -> layoutForm());
    remember = new CheckBox(resources.getString("signin.remember"));
    remember.setId("signInRemember");
    remember.setSelected(connection.profile().map(p -> p.rememberMe()).orElse(false));
    form.setHgap(10);
    form.setVgap(8);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    form.getColumnConstraints().add(labels);
    layoutForm();
    VBox content = new VBox(12, form, pasteMode);
    if (connection.sandbox()) {
      content.getChildren().add(demoHint());
    } else {
      content.getChildren().add(remember);
    }
    content.getChildren().add(message);
    if (!connection.sandbox()) {
      SecretStore secrets = model.accounts().secrets();
      secrets.prepare();
      CompletableFuture<SecretStore> ready = secrets.ready();
      if (ready.isDone()) {
        noteWithoutKeyring(content, ready.join());
      } else {
        // Still opening: the note follows when the keyring answers; the window never waits for it.
        ready.thenAcceptAsync(store -> noteWithoutKeyring(content, store), Platform::runLater);
      }
    }
    content.setPrefWidth(460);
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Node ok = getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(ActionEvent.ACTION, event -> {
      // Stay open until the server answers; close only on success.
      event.consume();
      submit(ok);
    });
    setResultConverter(button -> button == ButtonType.OK);
    // After the dialog has placed its own focus (on its default button), in the field to type in.
    setOnShown(event -> javafx.application.Platform.runLater(this::focusFirstField));
  }

  private void focusFirstField() {
    (pasteMode.isSelected() ? token : email.getText().isEmpty() ? email : password).requestFocus();
  }

  private void layoutForm() {
    form.getChildren().clear();
    // The toggle says where it leads: to the token while off, back to the password while on.
    pasteMode.setText(resources.getString(pasteMode.isSelected() ? "signin.usePassword"
        : service == Connection.Service.MESSAGES ? "signin.pasteSession" : "signin.pasteAccess"));
    if (pasteMode.isSelected()) {
      form.addRow(0, new Label(resources.getString("signin.token")), token);
      if (getDialogPane().getScene() != null) {
        javafx.application.Platform.runLater(token::requestFocus);
      }
      return;
    }
    form.addRow(0, new Label(resources.getString("signin.email")), email);
    form.addRow(1, new Label(resources.getString("signin.password")), password);
    if (ticket != null) {
      form.addRow(2, new Label(resources.getString("signin.code")), code);
    }
  }

  /** Says, above the dialog's message, that sessions stay in memory when the store cannot keep them. */
  private void noteWithoutKeyring(VBox content, SecretStore secrets) {
    if (secrets.limitation() == null) {
      return;
    }
    // The store's reason is for the log; the note is in the interface's language.
    Label note = new Label(resources.getString("signin.noKeyring"));
    note.setId("signInKeyringNote");
    note.setWrapText(true);
    note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.getStyleClass().add("text-muted");
    content.getChildren().add(content.getChildren().indexOf(message), note);
  }

  private Label demoHint() {
    StringBuilder demo = new StringBuilder(resources.getString("signin.demo"));
    String serviceKey = service == Connection.Service.MESSAGES ? "messages" : "notifications";
    for (DemoAccount account : Sandbox.accounts()) {
      if (account.service().equals(serviceKey)) {
        demo.append("\n  ").append(account.describe().substring(serviceKey.length() + 2));
      }
    }
    Label hint = new Label(demo.toString());
    hint.getStyleClass().add("text-muted");
    return hint;
  }

  private void submit(Node ok) {
    ok.setDisable(true);
    message.setText(resources.getString("signin.working"));
    boolean keep = remember.isSelected();
    CompletableFuture<Connection.SignInResult> attempt;
    if (pasteMode.isSelected()) {
      attempt = model.usePastedToken(service, token.getText().strip(), keep);
    } else if (ticket == null) {
      attempt = model.signIn(service, email.getText().strip(), password.getText(), keep);
    } else {
      attempt = model.completeTwoFactor(ticket, code.getText().strip(), email.getText().strip(), keep);
    }
    attempt.whenComplete((result, error) -> {
      ok.setDisable(false);
      if (error != null) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        message.setText(cause instanceof SignInFailed failed ? failed.problem().oneLine()
            : String.valueOf(cause.getMessage()));
        return;
      }
      if (result instanceof Connection.SignInResult.NeedsCode needsCode) {
        ticket = needsCode.ticket();
        layoutForm();
        message.setText(resources.getString("signin.codeNeeded"));
        code.requestFocus();
        return;
      }
      password.clear();
      token.clear();
      setResult(true);
      close();
    });
  }
}
