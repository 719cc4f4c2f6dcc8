package io.modvault.core.vcs.discovery.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Character-level rules of Go's encoding/xml that need no decoder state: entities and legal characters. */
final class XmlCharacters {
    private XmlCharacters() {}

    /** The five predefined entities, or null. */
    static String namedEntity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "apos" -> "'";
            case "quot" -> "\"";
            default -> null;
        };
    }

    /** Go's {@code string(rune(n))} for a parsed numeric entity, or null when it does not parse. */
    static String codePoint(String digits, int base) {
        if (digits.isEmpty() || digits.length() > 20) {
            return null;
        }
        long n;
        try {
            n = Long.parseUnsignedLong(digits, base);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Long.compareUnsigned(n, 0x10FFFF) > 0) {
            return null;
        }
        int cp = (int) n;
        return cp >= 0xD800 && cp <= 0xDFFF ? "\uFFFD" : new String(Character.toChars(cp));
    }

    /** Why {@code data} is not valid XML character data (Go's message without the line), or null. */
    static String problem(byte[] data) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return "invalid UTF-8";
        }
        for (int i = 0; i < decoded.length(); ) {
            int r = decoded.codePointAt(i);
            i += Character.charCount(r);
            boolean inRange = r == 0x09
                    || r == 0x0A
                    || r == 0x0D
                    || r >= 0x20 && r <= 0xD7FF
                    || r >= 0xE000 && r <= 0xFFFD
                    || r >= 0x10000 && r <= 0x10FFFF;
            if (!inRange) {
                return String.format(Locale.ROOT, "illegal character code U+%04X", r);
            }
        }
        return null;
    }
}
