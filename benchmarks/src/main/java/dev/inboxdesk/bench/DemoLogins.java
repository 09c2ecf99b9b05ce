package dev.inboxdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Signs in to the sandbox's first demo account, with our clients or with plain OkHttp. */
final class DemoLogins {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoLogins() {
  }

  static MessagesClient messages(String url) {
    MessagesClient client = MessagesClient.create(ClientConfig.builder(url).build());
    client.signIn(EMAIL, PASSWORD);
    return client;
  }

  static NotificationsClient notifications(String url) {
    NotificationsClient client = NotificationsClient.create(ClientConfig.builder(url).build());
    client.login(EMAIL, PASSWORD);
    return client;
  }

  /** An access token from {@code POST /auth/login}, fetched with plain OkHttp. */
  static String accessToken(OkHttpClient http, String notificationsUrl) {
    String body = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
    Request login = new Request.Builder().url(notificationsUrl + "/auth/login")
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = http.newCall(login).execute()) {
      return JSON.readTree(response.body().byteStream()).path("data").path("accessToken").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
