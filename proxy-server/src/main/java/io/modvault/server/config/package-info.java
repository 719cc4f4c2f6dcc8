/** Server configuration: keys, loading (defaults, file, environment, flags) and validation. */
package io.modvault.server.config;
