/**
 * InboxDesk's API client for the anonymous-messages and notifications services. Exports only
 * {@link dev.inboxdesk.client}; the rest is internal.
 *
 * <p>Reading this module also reads OkHttp ({@code okhttp3}), whose types appear in the API
 * ({@link okhttp3.HttpUrl}, {@link okhttp3.OkHttpClient}), and through it Okio and the Kotlin
 * standard library.
 */
module dev.inboxdesk.client {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports dev.inboxdesk.client;
}
