package dev.inboxdesk.client;

import java.time.Instant;

/**
 * Who the messages service's session belongs to, from {@code /api/auth/session}.
 *
 * @param id the user's id
 * @param username the public user name people send messages to
 * @param email the account's e-mail
 * @param verified whether the e-mail was verified
 * @param acceptingMessages the flag as it was at sign-in (stale: ask {@code isAcceptingMessages()})
 * @param expires when the session ends unless used again, or null
 */
public record SessionUser(String id, String username, String email, boolean verified,
    boolean acceptingMessages, Instant expires) {
}
