package io.modvault.core.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {
    private final Path dataNative = Path.of("/var/lib/modvault/native");

    @Test
    void extractsIntoTheDataDirectoryByDefault() {
        assertThat(NativeLibrary.directory(dataNative, Map.of())).isEqualTo(dataNative);
        assertThat(NativeLibrary.directory(dataNative, Map.of("ROCKSDB_SHAREDLIB_DIR", " ")))
                .isEqualTo(dataNative);
    }

    @Test
    void honoursRocksDbSharedLibDir() {
        assertThat(NativeLibrary.directory(dataNative, Map.of("ROCKSDB_SHAREDLIB_DIR", "/opt/rocksdb")))
                .isEqualTo(Path.of("/opt/rocksdb"));
    }
}
