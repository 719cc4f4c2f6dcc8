package io.modvault.sumdb;

import io.modvault.sumdb.SumdbException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of a checksum database {@code /lookup} response (x/mod tlog {@code ParseRecord} /
 * {@code FormatRecord}): the record id line, the record text (go.sum lines, each ending in a
 * newline), a blank line and the signed tree head note that contains the record.
 */
public record LookupResponse(long recordId, String recordText, byte[] signedNote) {

    public LookupResponse {
        if (recordId < 0) {
            throw new IllegalArgumentException("negative record id " + recordId);
        }
        if (!isValidRecordText(recordText)) {
            throw new IllegalArgumentException("invalid record text \"" + recordText + "\"");
        }
        signedNote = signedNote.clone();
    }

    /** Splits a lookup body; the note is not verified here. */
    public static LookupResponse parse(byte[] body) {
        int nl = indexOf(body, 0);
        if (nl < 0) {
            throw malformed("no record id line");
        }
        String idText = new String(body, 0, nl, StandardCharsets.US_ASCII);
        long id;
        try {
            id = idText.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(idText) : -1;
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0) {
            throw malformed("record id \"" + idText + "\" is not a decimal number");
        }
        int blank = nl + 1;
        while (blank < body.length - 1 && !(body[blank] == '\n' && body[blank + 1] == '\n')) {
            blank++;
        }
        if (blank >= body.length - 1) {
            throw malformed("no blank line after the record text");
        }
        String text = decode(Arrays.copyOfRange(body, nl + 1, blank + 1));
        if (!isValidRecordText(text)) {
            throw malformed("record text contains control characters");
        }
        return new LookupResponse(id, text, Arrays.copyOfRange(body, blank + 2, body.length));
    }

    /** True for valid record text: non-empty, ends with a newline, no blank line, no control character but newline. */
    public static boolean isValidRecordText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\n');
    }

    /** The response body: {@code <id>\n<record text>\n<signed note>}. */
    public byte[] format() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((recordId + "\n" + recordText + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(signedNote);
        return out.toByteArray();
    }

    /** The go.sum lines of the record. */
    public List<GoSumLine> lines() {
        List<GoSumLine> lines = new ArrayList<>();
        for (String line : recordText.split("\n")) {
            lines.add(GoSumLine.parse(line));
        }
        return lines;
    }

    @Override
    public byte[] signedNote() {
        return signedNote.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupResponse r
                && r.recordId == recordId
                && r.recordText.equals(recordText)
                && Arrays.equals(r.signedNote, signedNote);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(recordId) * 31 * 31 + recordText.hashCode() * 31 + Arrays.hashCode(signedNote);
    }

    @Override
    public String toString() {
        return "LookupResponse[" + recordId + ": " + recordText.strip().replace("\n", "; ") + "]";
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("record text is not valid UTF-8");
        }
    }

    private static SumdbException malformed(String why) {
        return new SumdbException(Reason.MALFORMED, "malformed lookup response: " + why);
    }
}
