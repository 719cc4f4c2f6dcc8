/** The Netty HTTP layer: pipeline, request handling and response writing. */
package io.modvault.server.http;
