/** The {@code modvault prewarm} command: its options, progress displays and interrupt handling. */
package io.modvault.server.prewarm;
