package io.modvault.sumdb.dirhash;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code h1:} hash of x/mod's dirhash {@code Hash1}: SHA-256 over the lines
 * {@code <hex sha256(content)>  <name>\n} for the files sorted by their UTF-8 bytes, base64
 * encoded. Content is streamed through a large buffer, so a zip of any size is hashed in constant
 * memory at the speed of the JDK's SHA-256 intrinsic.
 */
public final class DirHash {

    private static final int BUFFER_SIZE = 1 << 18;
    private static final byte[] TWO_SPACES = {' ', ' '};
    private static final HexFormat HEX = HexFormat.of();

    private DirHash() {}

    /**
     * The {@code h1:} of a module zip: every entry (directories included) under its name exactly as
     * stored, content uncompressed. Duplicate entry names make the zip {@link Reason#MALFORMED}, as
     * no module zip may contain them and the content to hash would be ambiguous.
     */
    public static String hashZip(Path zip) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            Map<String, ZipEntry> entries = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zf.entries())) {
                if (entries.putIfAbsent(e.getName(), e) != null) {
                    throw new SumdbException(Reason.MALFORMED, zip + ": duplicate zip entry \"" + e.getName() + "\"");
                }
                names.add(e.getName());
            }
            return hash1(names, name -> zf.getInputStream(entries.get(name)));
        }
    }

    /** The {@code h1:} of a go.mod: one file named exactly {@code go.mod} (not prefixed by module@version). */
    public static String hashGoMod(byte[] goMod) {
        try {
            return hash1(List.of("go.mod"), name -> new ByteArrayInputStream(goMod));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array", e);
        }
    }

    /**
     * The general form: hashes the named files, each read through {@code open}.
     *
     * @throws SumdbException ({@link Reason#MALFORMED}) if a name contains a newline
     */
    public static String hash1(List<String> names, ContentOpener open) throws IOException {
        List<Name> sorted = new ArrayList<>(names.size());
        for (String name : names) {
            if (name.indexOf('\n') >= 0) {
                throw new SumdbException(
                        Reason.MALFORMED,
                        "dirhash: filenames with newlines are not supported: \"" + name.replace("\n", "\\n") + "\"");
            }
            sorted.add(new Name(name, name.getBytes(StandardCharsets.UTF_8)));
        }
        sorted.sort(Name.UTF8_ORDER);
        MessageDigest summary = sha256();
        MessageDigest file = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (Name name : sorted) {
            try (InputStream in = open.open(name.text())) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    file.update(buffer, 0, n);
                }
            }
            summary.update(HEX.formatHex(file.digest()).getBytes(StandardCharsets.US_ASCII));
            summary.update(TWO_SPACES);
            summary.update(name.utf8());
            summary.update((byte) '\n');
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** A file name with its UTF-8 encoding, which is what Go sorts and hashes. */
    private record Name(String text, byte[] utf8) {
        static final Comparator<Name> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(a.utf8, b.utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
