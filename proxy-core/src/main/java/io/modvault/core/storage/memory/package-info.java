/** An in-memory {@link io.modvault.core.storage.ModuleStore} for tests and {@code --store memory}. */
package io.modvault.core.storage.memory;
