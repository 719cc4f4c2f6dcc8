/** Prometheus metrics of the server. */
package io.modvault.server.metrics;
