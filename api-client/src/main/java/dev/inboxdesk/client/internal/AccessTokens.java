package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/** Access tokens as held by the notifications client. */
public final class AccessTokens {
  private AccessTokens() {
  }

  /**
   * A held token. Compared by identity: a refresh always makes a new one.
   *
   * @param value the token (a secret)
   * @param expiresAt when it expires, or null if unknown
   */
  public record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[«redacted», expiresAt=" + expiresAt + "]";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** The {@code exp} claim of a JWT, or null when the token is not a readable JWT. */
  public static Instant expiryOf(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try (JsonParser parser = Json.FACTORY.createParser(Base64.getUrlDecoder().decode(parts[1]))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Long[] exp = new Long[1];
      Json.readObject(parser, "the token's claims", (name, value) -> {
        if (!name.equals("exp") || !value.currentToken().isNumeric()) {
          return false;
        }
        exp[0] = value.getValueAsLong();
        return true;
      });
      return exp[0] == null ? null : Instant.ofEpochSecond(exp[0]);
    } catch (IllegalArgumentException | IOException notAJwt) {
      return null;
    }
  }
}
