package dev.inboxdesk.bare;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The bare window with some of the parts InboxDesk cannot do without, named in the system property
 * {@code parts} (packaging/measure-parts.sh): {@code server} a JDK HTTP server on loopback, as the
 * sandbox is; {@code okhttp} one call to it with OkHttp, set up as the client sets itself up for a
 * loopback server; {@code jackson} the answer read by Jackson's streaming parser; {@code theme}
 * AtlantaFX's stylesheet; {@code shape} the controls InboxDesk's window shows at its first start
 * (tabs, a split pane with a detail pane, a second list, the bar's menu button, combo box, check
 * box, progress indicator and tooltip, a status line). What each adds to the floor's peak RSS says
 * how much of InboxDesk's is its own. Kept apart from {@link BareWindow}, which must load none of
 * these classes, not even to verify it.
 */
public final class BareWindowWithParts extends Application {
  private static final Set<String> PARTS = Set.of(System.getProperty("parts", "").split(","));
  private static final CountDownLatch CALLED = new CountDownLatch(1);

  public static void main(String[] args) {
    if (PARTS.contains("server")) {
      Thread call = new Thread(BareWindowWithParts::serveAndCall, "parts");
      call.setDaemon(true);
      call.start();
    } else {
      CALLED.countDown();
    }
    launch(BareWindowWithParts.class, args);
  }

  /** Serves a small JSON list on loopback and, as parts ask, fetches and reads it once. */
  private static void serveAndCall() {
    try {
      byte[] body = "{\"messages\":[{\"_id\":\"1\",\"content\":\"hello\",\"createdAt\":\"2026-01-01T00:00:00Z\"}]}"
          .getBytes(StandardCharsets.UTF_8);
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/api/get-messages", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      if (PARTS.contains("okhttp")) {
        String answer = fetch("http://127.0.0.1:" + server.getAddress().getPort() + "/api/get-messages");
        if (PARTS.contains("jackson")) {
          read(answer);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      CALLED.countDown();
    }
  }

  private static String fetch(String url) throws IOException {
    OkHttpClient client = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  private static void read(String json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      while (parser.nextToken() != null) {
        parser.getText();
      }
    }
  }

  @Override
  public void start(Stage stage) {
    if (PARTS.contains("theme")) {
      Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }
    ListView<String> list = list("Message");
    ToolBar bar = new ToolBar(new Button("Delete"), new Button("Undo"), new TextField());
    BorderPane root = new BorderPane(PARTS.contains("shape") ? shape(list, bar) : list);
    root.setTop(bar);
    if (PARTS.contains("shape")) {
      root.setBottom(new Label("240 messages"));
    }
    stage.setScene(new Scene(root, 1200, 760));
    stage.setTitle("Bare window with parts");
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> Platform.runLater(() -> {
      System.out.println("startup_ms=" + BareWindow.sinceStart().toMillis());
      System.out.flush();
      exitOnceDrawnAndCalled();
    }));
    stage.show();
  }

  private static ListView<String> list(String label) {
    ListView<String> list = new ListView<>(FXCollections.observableArrayList());
    for (int i = 1; i <= 240; i++) {
      list.getItems().add(label + " " + i);
    }
    return list;
  }

  private static Node shape(ListView<String> messages, ToolBar bar) {
    VBox detail = new VBox(new Label("Select a message"), new ScrollPane(new Label("")));
    TabPane tabs = new TabPane(new Tab("Inbox", new SplitPane(messages, detail)),
        new Tab("Notifications", list("Notification")));
    Button help = new Button("?");
    help.setTooltip(new Tooltip("Keyboard help"));
    bar.getItems().addAll(new MenuButton("Account"),
        new ComboBox<>(FXCollections.observableArrayList("Newest first", "Oldest first")),
        new CheckBox("Unread"), new ProgressIndicator(0), help);
    return tabs;
  }

  /** As {@link BareWindow}: a few pulses after the first frame, and once the call has been read. */
  private static void exitOnceDrawnAndCalled() {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses >= 5 && CALLED.getCount() == 0) {
          stop();
          Platform.exit();
        }
      }
    }.start();
  }
}
