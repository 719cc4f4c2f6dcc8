/** The RocksDB-backed {@link io.modvault.core.storage.ModuleStore}; the only package that sees RocksDB types. */
package io.modvault.core.storage.rocksdb;
