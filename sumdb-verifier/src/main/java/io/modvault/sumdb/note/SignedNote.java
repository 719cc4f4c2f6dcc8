package io.modvault.sumdb.note;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of a signed note: text ending in a newline, a blank line, then one or more lines
 * {@code — <key name> <base64>}. Parsing checks everything that does not need a key (UTF-8, no
 * control characters, at most 100 signatures); {@link NoteVerifier} checks the signatures.
 */
public final class SignedNote {

    static final String SIG_PREFIX = "\u2014 ";
    static final int MAX_SIGNATURES = 100;

    private final String text;
    private final byte[] textBytes;
    private final List<NoteSignature> signatures;
    private final byte[] bytes;

    private SignedNote(String text, List<NoteSignature> signatures, byte[] bytes) {
        this.text = text;
        this.textBytes = text.getBytes(StandardCharsets.UTF_8);
        this.signatures = List.copyOf(signatures);
        this.bytes = bytes;
    }

    /** Parses a signed note; {@link Reason#MALFORMED} says what is wrong. */
    public static SignedNote parse(byte[] note) {
        byte[] msg = note.clone();
        for (int i = 0; i < msg.length; i++) {
            if (msg[i] >= 0 && msg[i] < 0x20 && msg[i] != '\n') {
                throw malformed(String.format("control character 0x%02x at byte %d", msg[i], i));
            }
        }
        String all = decodeUtf8(msg);
        int split = all.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed("no blank line before the signatures");
        }
        String sigs = all.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw malformed("signature block is empty or does not end with a newline");
        }
        List<NoteSignature> parsed = new ArrayList<>();
        for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
            parsed.add(parseLine(line));
            if (parsed.size() > MAX_SIGNATURES) {
                throw malformed("more than " + MAX_SIGNATURES + " signatures");
            }
        }
        return new SignedNote(all.substring(0, split + 1), parsed, msg);
    }

    private static NoteSignature parseLine(String line) {
        if (!line.startsWith(SIG_PREFIX)) {
            throw malformed("line is not a signature: \"" + line + "\"");
        }
        String rest = line.substring(SIG_PREFIX.length());
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        String b64 = space < 0 ? "" : rest.substring(space + 1);
        byte[] sig = NoteCodec.decodeBase64(b64).orElse(new byte[0]);
        if (!NoteCodec.isValidName(name) || sig.length < 5) {
            throw malformed("bad signature line \"" + line + "\"");
        }
        int hash = (sig[0] & 0xff) << 24 | (sig[1] & 0xff) << 16 | (sig[2] & 0xff) << 8 | (sig[3] & 0xff);
        return new NoteSignature(name, hash, b64);
    }

    private static String decodeUtf8(byte[] msg) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(msg))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("not valid UTF-8");
        }
    }

    private static SumdbException malformed(String why) {
        return new SumdbException(Reason.MALFORMED, "malformed note: " + why);
    }

    /** The signed text, ending with its newline (without the blank separator line). */
    public String text() {
        return text;
    }

    /** The exact bytes the signatures cover. */
    public byte[] textBytes() {
        return textBytes.clone();
    }

    /** Every signature line in order, including duplicates and unknown keys. */
    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The note exactly as parsed. */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] signedBytes() {
        return textBytes;
    }
}
