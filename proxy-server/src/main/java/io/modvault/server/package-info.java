/** The modvault server: command line, bootstrap and lifecycle. */
package io.modvault.server;
