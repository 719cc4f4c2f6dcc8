/** The fetch-and-cache algorithm: {@link io.modvault.core.fetch.ModuleProxy} and its parts. */
package io.modvault.core.fetch;
