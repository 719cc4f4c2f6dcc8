/** The GOPROXY URL grammar: parsing request paths into validated {@link io.modvault.core.protocol.ProxyRequest}s. */
package io.modvault.core.protocol;
