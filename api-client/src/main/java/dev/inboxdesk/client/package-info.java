/**
 * InboxDesk's API client: {@link dev.inboxdesk.client.MessagesClient} for the anonymous-messages
 * service, {@link dev.inboxdesk.client.NotificationsClient} for the notifications service, their
 * models, {@link dev.inboxdesk.client.ClientConfig}, and one sealed error family rooted at
 * {@link dev.inboxdesk.client.ApiException}.
 *
 * <p>Nulls: parameters must not be null unless documented; return values are never null unless
 * documented (optional values use {@link java.util.Optional} or say "or null"). Everything outside
 * this package is internal.
 */
package dev.inboxdesk.client;
