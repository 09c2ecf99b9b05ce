/** The command line: the sandbox on its own, and scripted access to both services. No JavaFX. */
package dev.inboxdesk.cli;
