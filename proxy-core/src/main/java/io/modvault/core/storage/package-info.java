/** The storage port ({@link io.modvault.core.storage.ModuleStore}) and its value types. */
package io.modvault.core.storage;
