/**
 * The clients' transport: OkHttp setup, the one status-to-error mapping, the rate limiter,
 * retries, redaction and JSON parsing. Not API: may change without notice; use
 * {@link dev.inboxdesk.client}.
 */
package dev.inboxdesk.client.internal;
