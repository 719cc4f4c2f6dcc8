package io.modvault.core.vcs.discovery.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code encoding/xml} name rules: which bytes may continue a name while reading, and
 * whether a complete name is valid (first character a letter, '_' or ':'; then also digits, '.',
 * '-', combining marks and extenders). ASCII is exact; beyond it Java's Unicode categories stand
 * in for XML 1.0's Appendix B tables.
 */
final class XmlNames {

    private XmlNames() {}

    static boolean isNameByte(int c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == ':'
                || c == '.'
                || c == '-';
    }

    static boolean isName(byte[] name) {
        if (name.length == 0) {
            return false;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!isFirst(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!isFirst(c) && !isSecond(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFirst(int c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == ':';
        }
        return Character.isLetter(c) && c <= 0xFFFF;
    }

    private static boolean isSecond(int c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9' || c == '.' || c == '-';
        }
        int type = Character.getType(c);
        return c == 0xB7
                || Character.isDigit(c)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.MODIFIER_LETTER;
    }
}
