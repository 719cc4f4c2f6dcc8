package io.modvault.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRulesTest {

    @Test
    void byteOrderAgreesWithComparingUtf8BytesUnsigned() {
        List<String> samples = List.of(
                "",
                "a",
                "ab",
                "a@v1",
                "a2",
                "A",
                "!a",
                "é",
                "\uE000",
                "\uFFFD",
                "\uD83D\uDE00",
                "a\uD83D\uDE00b",
                "a\uFFFDb",
                "~",
                "z");
        for (String a : samples) {
            for (String b : samples) {
                int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)));
                assertThat(Integer.signum(KeyRules.BYTE_ORDER.compare(a, b)))
                        .as("compare(%s, %s)", a, b)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void zipKeysAreRejectedForEntriesAndRequiredForBlobs() {
        EntryKey zip = EntryKey.of(EntryKind.ZIP, "example.com/m@v1.0.0");
        EntryKey mod = EntryKey.of(EntryKind.MOD, "example.com/m@v1.0.0");

        assertThatThrownBy(() -> KeyRules.requireEntryKind(zip, "put"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("put zip:example.com/m@v1.0.0");
        assertThatThrownBy(() -> KeyRules.requireZipKind(mod, "blob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("blob mod:example.com/m@v1.0.0");
        KeyRules.requireEntryKind(mod, "put");
        KeyRules.requireZipKind(zip, "blob");
    }
}
