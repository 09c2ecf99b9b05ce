package dev.inboxdesk.app.accounts;

import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Manages saved connections: add, edit, remove, and use one for its service. */
public final class ConnectionsDialog extends Dialog<Void> {
  private final SessionActions model;
  private final ResourceBundle resources;
  private final ListView<Profile> profiles = new ListView<>();
  private final TextField name = new TextField();
  private final ChoiceBox<Connection.Service> service = new ChoiceBox<>(
      FXCollections.observableArrayList(Connection.Service.values()));
  private final TextField url = new TextField();
  private final CheckBox insecure;
  private final Label warning = new Label();
  private final Label notice = new Label();
  private Profile editing;

  public ConnectionsDialog(SessionActions model, ResourceBundle resources, Window owner) {
    this.model = model;
    this.resources = resources;
    // Profiles made here sign in and may be remembered: the keyring should be open by then.
    model.accounts().secrets().prepare();
    initOwner(owner);
    setTitle(resources.getString("connections.title"));
    setHeaderText(resources.getString("connections.header"));
    profiles.setId("profiles");
    profiles.setPrefHeight(170);
    profiles.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(Profile profile, boolean empty) {
        super.updateItem(profile, empty);
        setText(empty || profile == null ? null : profile.name() + " · " + serviceName(profile.service()) + " · "
            + profile.baseUrl() + (profile.account().isEmpty() ? "" : " · " + profile.account()));
      }
    });
    profiles.getSelectionModel().selectedItemProperty().addListener((obs, old, profile) -> edit(profile));
    service.setConverter(new StringConverter<>() {
      @Override
      public String toString(Connection.Service value) {
        return value == null ? "" : serviceName(value);
      }

      @Override
      public Connection.Service fromString(String text) {
        return null;
      }
    });
    name.setId("profileName");
    url.setId("profileUrl");
    url.setPromptText("https://api.example.com/api/v1");
    url.setPrefColumnCount(32);
    name.setPrefColumnCount(32);
    profiles.setPlaceholder(new Label(resources.getString("connections.empty")));
    insecure = new CheckBox(resources.getString("connections.allowHttp"));
    insecure.setId("profileInsecure");
    warning.setWrapText(true);
    // A wrapping label in a dialog otherwise keeps one line and cuts the rest off.
    warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    warning.getStyleClass().add("danger");
    warning.setId("profileWarning");
    notice.setWrapText(true);
    notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    notice.setId("profileNotice");
    url.textProperty().addListener(obs -> showWarning());
    insecure.selectedProperty().addListener(obs -> showWarning());

    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    form.getColumnConstraints().add(labels);
    form.addRow(0, new Label(resources.getString("connections.name")), name);
    form.addRow(1, new Label(resources.getString("connections.service")), service);
    service.setId("profileService");
    // Enter and Alt+Down open the choice too, not only Space.
    service.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
      javafx.scene.input.KeyCode key = event.getCode();
      if (!service.isShowing() && (key == javafx.scene.input.KeyCode.ENTER
          || (key == javafx.scene.input.KeyCode.DOWN && event.isAltDown()) || key == javafx.scene.input.KeyCode.F4)) {
        service.show();
        event.consume();
      }
    });
    form.addRow(2, new Label(resources.getString("connections.url")), url);
    form.add(insecure, 1, 3);
    Button add = new Button(resources.getString("connections.new"));
    add.setId("profileNew");
    add.setOnAction(e -> {
      edit(null);
      // A new connection starts with its name.
      name.requestFocus();
    });
    Button save = new Button(resources.getString("connections.save"));
    save.setId("profileSave");
    save.setOnAction(e -> save());
    Button remove = new Button(resources.getString("connections.remove"));
    remove.setOnAction(e -> remove());
    Button use = new Button(resources.getString("connections.use"));
    use.setId("profileUse");
    use.setOnAction(e -> use());
    VBox content = new VBox(10, profiles, new HBox(8, add, remove, use), form, warning, new HBox(8, save),
        notice);
    content.setPrefWidth(620);
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    reload();
    edit(null);
  }

  private String serviceName(Connection.Service value) {
    return resources.getString(value == Connection.Service.MESSAGES ? "bar.messages" : "bar.notifications");
  }

  private void reload() {
    profiles.getItems().setAll(model.accounts().settings().profiles());
  }

  private void edit(Profile profile) {
    editing = profile;
    name.setText(profile == null ? "" : profile.name());
    service.setValue(profile == null ? Connection.Service.MESSAGES : profile.service());
    url.setText(profile == null ? "" : profile.baseUrl());
    insecure.setSelected(profile != null && profile.allowInsecureHttp());
    showWarning();
  }

  private Profile fromForm() {
    Profile base = editing != null ? editing : Profile.create(name.getText(), service.getValue(), url.getText());
    return new Profile(base.id(), name.getText(), service.getValue(), url.getText(), base.account(),
        insecure.isSelected(), base.rememberMe());
  }

  private void showWarning() {
    Profile candidate = fromForm();
    boolean plainHttp = candidate.needsInsecureConsent();
    insecure.setVisible(plainHttp);
    insecure.setManaged(plainHttp);
    String problem = url.getText().isBlank() ? null : candidate.problem();
    warning.setText(problem != null ? problem : plainHttp ? resources.getString("connections.httpWarning") : "");
  }

  private void save() {
    Profile profile = fromForm();
    String problem = profile.problem();
    if (problem != null) {
      warning.setText(problem);
      return;
    }
    boolean forgotten = model.accounts().saveProfile(profile);
    notice.setText(forgotten ? resources.getString("connections.sessionForgotten") : "");
    reload();
    profiles.getSelectionModel().select(profile);
  }

  private void remove() {
    Profile profile = profiles.getSelectionModel().getSelectedItem();
    if (profile != null) {
      model.accounts().removeProfile(profile.id());
      notice.setText("");
      reload();
      edit(null);
    }
  }

  private void use() {
    Profile profile = profiles.getSelectionModel().getSelectedItem();
    if (profile != null && profile.problem() == null) {
      model.use(profile.service(), profile);
    }
  }
}
