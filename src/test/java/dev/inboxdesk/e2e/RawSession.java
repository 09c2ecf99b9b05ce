package dev.inboxdesk.e2e;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NextAuth's credentials flow done by hand, for raw-HTTP checks that need a session cookie. */
final class RawSession {
  private static final Pattern TOKEN = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

  private RawSession() {
  }

  /** Signs in and returns the {@code Cookie} header value carrying the session. */
  static String signIn(String baseUrl, String email, String password) {
    HttpResponse<String> csrf = Raw.get(baseUrl + "/api/auth/csrf");
    Matcher token = TOKEN.matcher(csrf.body());
    if (!token.find()) {
      throw new AssertionError("no csrf token in " + csrf.body());
    }
    String csrfCookie = firstPair(csrf.headers().allValues("Set-Cookie"), "csrf-token");
    String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrfToken=" + token.group(1) + "&json=true";
    HttpResponse<String> signIn = Raw.send("POST", baseUrl + "/api/auth/callback/credentials", form,
        "Content-Type", "application/x-www-form-urlencoded", "Cookie", csrfCookie);
    return firstPair(signIn.headers().allValues("Set-Cookie"), "session-token");
  }

  private static String firstPair(List<String> setCookies, String nameContains) {
    return setCookies.stream().filter(c -> c.contains(nameContains)).map(c -> c.split(";")[0]).findFirst()
        .orElseThrow(() -> new AssertionError("no " + nameContains + " cookie in " + setCookies));
  }
}
