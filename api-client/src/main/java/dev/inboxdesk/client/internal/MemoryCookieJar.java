package dev.inboxdesk.client.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * Cookies kept in memory only, as a browser would keep them for one tab: a cookie replaces one
 * with the same name, domain and path; an expired one (such as {@code Max-Age=0}, which the
 * messages service uses to sign a session out) removes it.
 */
public final class MemoryCookieJar implements CookieJar {
  private final List<Cookie> cookies = new ArrayList<>();

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    long now = System.currentTimeMillis();
    for (Cookie cookie : received) {
      cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
          && c.path().equals(cookie.path()));
      if (cookie.expiresAt() > now) {
        cookies.add(cookie);
      }
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    long now = System.currentTimeMillis();
    List<Cookie> matching = new ArrayList<>();
    for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
      Cookie cookie = it.next();
      if (cookie.expiresAt() <= now) {
        it.remove();
      } else if (cookie.matches(url)) {
        matching.add(cookie);
      }
    }
    return matching;
  }

  /** Adds a cookie as if the server at {@code url} had set it (for pasted session tokens). */
  public void put(HttpUrl url, Cookie cookie) {
    saveFromResponse(url, List.of(cookie));
  }

  /** True when a live cookie for {@code url} has a name the predicate accepts. */
  public boolean has(HttpUrl url, Predicate<String> name) {
    return loadForRequest(url).stream().anyMatch(c -> name.test(c.name()));
  }

  /** The value of a live cookie for {@code url}, or null. */
  public String value(HttpUrl url, String name) {
    return loadForRequest(url).stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
  }

  /** Removes the cookies whose names the predicate accepts. */
  public synchronized void remove(Predicate<String> name) {
    cookies.removeIf(c -> name.test(c.name()));
  }

  public synchronized void clear() {
    cookies.clear();
  }
}
