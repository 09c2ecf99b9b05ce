/**
 * What went over the wire, in formats testers take elsewhere: a HAR 1.2 file and a {@code curl}
 * command per exchange. Read by the request inspector and the command line alike; no JavaFX.
 */
package dev.inboxdesk.wire;
