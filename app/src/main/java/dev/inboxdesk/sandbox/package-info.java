/**
 * The sandbox: both services InboxDesk talks to, served on loopback from memory, quirks included,
 * with faults on demand. Written from {@code CONTRACTS.md} on its own, without the client's models
 * or parsing, so that a misreading of the contract cannot hide by being made twice. No JavaFX.
 */
package dev.inboxdesk.sandbox;
