package io.modvault.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The jar's Java-8 entry point: version parsing, its message, and that it stays loadable by old Javas. */
class LauncherTest {

    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("11")).isEqualTo(11);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
        assertThat(Launcher.feature("garbage")).isZero();
    }

    @Test
    void tooOldMessageNamesBothJavasInOneLine() {
        assertThat(Launcher.tooOld(17, "/usr/lib/jvm/java-17"))
                .isEqualTo("modvault needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17): install Java"
                        + " 21+ (e.g. openjdk-21-jre-headless) and start modvault with its bin/java");
    }

    @Test
    void launcherIsJava8BytecodeAndRequiresTheReleaseTheRestIsCompiledFor() throws IOException {
        // Class-file major versions: Java 8 is 52, Java N is 44 + N.
        assertThat(major(Launcher.class)).isEqualTo(52);
        assertThat(major(io.modvault.server.Main.class)).isEqualTo(44 + Launcher.REQUIRED_JAVA);
    }

    private static int major(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
                DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // 0xCAFEBABE
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
