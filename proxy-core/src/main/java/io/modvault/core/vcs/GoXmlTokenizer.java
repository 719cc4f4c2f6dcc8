package io.modvault.core.vcs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A port of Go's {@code encoding/xml} {@code Decoder.RawToken} with {@code Strict = false}, no
 * entity map and the go command's charset reader, which is how {@code parseMetaGoImports} reads
 * go-get pages. Only what discovery needs is kept of each token (element and attribute local
 * names, attribute values); errors carry Go's messages ({@code XML syntax error on line N: ...}).
 * Non-ASCII XML names are classified with Java's Unicode properties rather than XML 1.0's tables.
 */
final class GoXmlTokenizer {

    sealed interface Token permits Start, End, Other {
    }

    record Attr(String local, String value) {
    }

    record Start(String local, List<Attr> attrs) implements Token {
    }

    record End(String local) implements Token {
    }

    /** Character data, comments, processing instructions and directives. */
    record Other() implements Token {
    }

    static final class XmlException extends Exception {
        XmlException(String message) {
            super(message);
        }
    }

    private static final String EOF = new String("EOF");
    private static final Other OTHER = new Other();

    private final byte[] in;
    private int pos;
    private int nextByte = -1;
    private int line = 1;
    private String err;
    private boolean needClose;
    private String toClose;
    private final Buf buf = new Buf();

    GoXmlTokenizer(byte[] in) {
        this.in = in;
    }

    /** The next token, empty at the end of input; errors are sticky, as in Go. */
    Optional<Token> next() throws XmlException {
        Token token = rawToken();
        if (token != null) {
            return Optional.of(token);
        }
        if (err == EOF) {
            return Optional.empty();
        }
        throw new XmlException(err);
    }

    private Token rawToken() {
        if (err != null) {
            return null;
        }
        if (needClose) {
            needClose = false;
            return new End(toClose);
        }
        int b = getc();
        if (b < 0) {
            return null;
        }
        if (b != '<') {
            ungetc(b);
            return text(-1, false) == null ? null : OTHER;
        }
        if ((b = mustgetc()) < 0) {
            return null;
        }
        return switch (b) {
            case '/' -> endElement();
            case '?' -> procInst();
            case '!' -> bang();
            default -> {
                ungetc(b);
                yield startElement();
            }
        };
    }

    private Token endElement() {
        String name = nsname();
        if (name == null) {
            return fail("expected element name after </");
        }
        space();
        int b = mustgetc();
        if (b < 0) {
            return null;
        }
        if (b != '>') {
            err = syntax("invalid characters between </" + name + " and >");
            return null;
        }
        return new End(name);
    }

    private Token procInst() {
        String target = name();
        if (target == null) {
            return fail("expected target name after <?");
        }
        space();
        buf.reset();
        int b0 = 0;
        while (true) {
            int b = mustgetc();
            if (b < 0) {
                return null;
            }
            buf.write(b);
            if (b0 == '?' && b == '>') {
                break;
            }
            b0 = b;
        }
        if (target.equals("xml")) {
            String content = buf.string(0, buf.len - 2);
            String version = procInstParam("version", content);
            if (!version.isEmpty() && !version.equals("1.0")) {
                err = "xml: unsupported version " + quote(version) + "; only version 1.0 is supported";
                return null;
            }
            String encoding = procInstParam("encoding", content);
            if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("utf-8") && !encoding.equalsIgnoreCase("ascii")) {
                // The go command's charsetReader knows UTF-8 and ASCII only.
                err = "xml: opening charset " + quote(encoding) + ": can't decode XML document using charset "
                        + quote(encoding);
                return null;
            }
        }
        return OTHER;
    }

    /** After {@code <!}: a comment, CDATA section or directive. */
    private Token bang() {
        int b = mustgetc();
        if (b < 0) {
            return null;
        }
        if (b == '-') {
            return comment();
        }
        if (b == '[') {
            for (int i = 0; i < 6; i++) {
                if ((b = mustgetc()) < 0) {
                    return null;
                }
                if (b != "CDATA[".charAt(i)) {
                    err = syntax("invalid <![ sequence");
                    return null;
                }
            }
            return text(-1, true) == null ? null : OTHER;
        }
        return directive(b);
    }

    private Token comment() {
        int b = mustgetc();
        if (b < 0) {
            return null;
        }
        if (b != '-') {
            err = syntax("invalid sequence <!- not part of <!--");
            return null;
        }
        int b0 = 0;
        int b1 = 0;
        while (true) {
            if ((b = mustgetc()) < 0) {
                return null;
            }
            if (b0 == '-' && b1 == '-') {
                if (b != '>') {
                    err = syntax("invalid sequence \"--\" not allowed in comments");
                    return null;
                }
                return OTHER;
            }
            b0 = b1;
            b1 = b;
        }
    }

    /**
     * {@code <!DOCTYPE ...>} and the like: quoted '>' and nested {@code <...>} do not end it. The
     * byte after {@code <!} is taken as is, as in Go.
     */
    private Token directive(int first) {
        int inquote = 0;
        int depth = 0;
        int b = first;
        boolean pending = false;
        while (true) {
            if (!pending) {
                if ((b = mustgetc()) < 0) {
                    return null;
                }
                if (inquote == 0 && b == '>' && depth == 0) {
                    return OTHER;
                }
            }
            pending = false;
            if (b == inquote) {
                inquote = 0;
            } else if (inquote != 0) {
                continue;
            } else if (b == '\'' || b == '"') {
                inquote = b;
            } else if (b == '>') {
                depth--;
            } else if (b == '<') {
                String open = "!--";
                for (int i = 0; i < open.length() && !pending; i++) {
                    if ((b = mustgetc()) < 0) {
                        return null;
                    }
                    if (b != open.charAt(i)) {
                        depth++;
                        pending = true; // Go's "goto HandleB": look at this byte again
                    }
                }
                if (!pending && !skipComment()) {
                    return null;
                }
            }
        }
    }

    private boolean skipComment() {
        int b0 = 0;
        int b1 = 0;
        while (true) {
            int b = mustgetc();
            if (b < 0) {
                return false;
            }
            if (b0 == '-' && b1 == '-' && b == '>') {
                return true;
            }
            b0 = b1;
            b1 = b;
        }
    }

    private Token startElement() {
        String name = nsname();
        if (name == null) {
            return fail("expected element name after <");
        }
        List<Attr> attrs = new ArrayList<>();
        boolean empty = false;
        while (true) {
            space();
            int b = mustgetc();
            if (b < 0) {
                return null;
            }
            if (b == '/') {
                empty = true;
                if ((b = mustgetc()) < 0) {
                    return null;
                }
                if (b != '>') {
                    err = syntax("expected /> in element");
                    return null;
                }
                break;
            }
            if (b == '>') {
                break;
            }
            ungetc(b);
            String attr = nsname();
            if (attr == null) {
                return fail("expected attribute name in element");
            }
            space();
            if ((b = mustgetc()) < 0) {
                return null;
            }
            String value;
            if (b != '=') {
                ungetc(b); // non-strict: an attribute without a value is its own name
                value = attr;
            } else {
                space();
                byte[] data = attrval();
                if (data == null) {
                    return null;
                }
                value = new String(data, StandardCharsets.UTF_8);
            }
            attrs.add(new Attr(attr, value));
        }
        if (empty) {
            needClose = true;
            toClose = name;
        }
        return new Start(name, List.copyOf(attrs));
    }

    private byte[] attrval() {
        int b = mustgetc();
        if (b < 0) {
            return null;
        }
        if (b == '"' || b == '\'') {
            return text(b, false);
        }
        ungetc(b);
        buf.reset();
        while (true) {
            if ((b = mustgetc()) < 0) {
                return null;
            }
            if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == ':' || b == '-') {
                buf.write(b);
            } else {
                ungetc(b);
                return buf.copy(0, buf.len);
            }
        }
    }

    /**
     * Character data up to '<' (quote &lt; 0), an attribute value up to {@code quote}, or a CDATA
     * section up to "]]&gt;", with the five predefined and numeric entities replaced and others
     * left as written.
     */
    private byte[] text(int quote, boolean cdata) {
        int b0 = 0;
        int b1 = 0;
        int trunc = 0;
        buf.reset();
        while (true) {
            int b = getc();
            if (b < 0) {
                if (cdata) {
                    if (err == EOF) {
                        err = syntax("unexpected EOF in CDATA section");
                    }
                    return null;
                }
                break;
            }
            if (b0 == ']' && b1 == ']' && b == '>') {
                if (cdata) {
                    trunc = 2;
                    break;
                }
                err = syntax("unescaped ]]> not in CDATA section");
                return null;
            }
            if (b == '<' && !cdata) {
                if (quote >= 0) {
                    err = syntax("unescaped < inside quoted string");
                    return null;
                }
                ungetc('<');
                break;
            }
            if (quote >= 0 && b == quote) {
                break;
            }
            if (b == '&' && !cdata) {
                if (!entity()) {
                    return null;
                }
                b0 = 0;
                b1 = 0;
                continue;
            }
            if (b == '\r') {
                buf.write('\n');
            } else if (!(b1 == '\r' && b == '\n')) {
                buf.write(b);
            }
            b0 = b1;
            b1 = b;
        }
        byte[] data = buf.copy(0, buf.len - trunc);
        return checkCharacters(data) ? data : null;
    }

    /** After '&': replaces a known entity in the buffer, or leaves the text as written. */
    private boolean entity() {
        int before = buf.len;
        buf.write('&');
        String replacement = null;
        int b = mustgetc();
        if (b < 0) {
            return false;
        }
        if (b == '#') {
            buf.write(b);
            if ((b = mustgetc()) < 0) {
                return false;
            }
            int base = 10;
            if (b == 'x') {
                base = 16;
                buf.write(b);
                if ((b = mustgetc()) < 0) {
                    return false;
                }
            }
            int start = buf.len;
            while (b >= '0' && b <= '9' || base == 16 && (b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F')) {
                buf.write(b);
                if ((b = mustgetc()) < 0) {
                    return false;
                }
            }
            if (b != ';') {
                ungetc(b);
            } else {
                String digits = buf.string(start, buf.len);
                buf.write(';');
                replacement = codePoint(digits, base);
            }
        } else {
            ungetc(b);
            if (!readName() && err != null) {
                return false;
            }
            if ((b = mustgetc()) < 0) {
                return false;
            }
            if (b != ';') {
                ungetc(b);
            } else {
                byte[] name = buf.copy(before + 1, buf.len);
                buf.write(';');
                if (XmlNames.isName(name)) {
                    replacement = switch (new String(name, StandardCharsets.UTF_8)) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "apos" -> "'";
                        case "quot" -> "\"";
                        default -> null;
                    };
                }
            }
        }
        if (replacement != null) {
            buf.len = before;
            for (byte x : replacement.getBytes(StandardCharsets.UTF_8)) {
                buf.write(x & 0xFF);
            }
        }
        return true;
    }

    /** Go's {@code string(rune(n))} for a parsed numeric entity, or null when it does not parse. */
    private static String codePoint(String digits, int base) {
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

    private boolean checkCharacters(byte[] data) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            err = syntax("invalid UTF-8");
            return false;
        }
        for (int i = 0; i < decoded.length(); ) {
            int r = decoded.codePointAt(i);
            i += Character.charCount(r);
            boolean inRange = r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF
                    || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF;
            if (!inRange) {
                err = syntax(String.format(Locale.ROOT, "illegal character code U+%04X", r));
                return false;
            }
        }
        return true;
    }

    /** A name's local part: "a:b" gives "b"; a name with two colons is no name (current Go). */
    private String nsname() {
        String s = name();
        if (s == null) {
            return null;
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        return colon <= 0 || colon == s.length() - 1 ? s : s.substring(colon + 1);
    }

    private String name() {
        buf.reset();
        if (!readName()) {
            return null;
        }
        byte[] name = buf.copy(0, buf.len);
        if (!XmlNames.isName(name)) {
            err = syntax("invalid XML name: " + new String(name, StandardCharsets.UTF_8));
            return null;
        }
        return new String(name, StandardCharsets.UTF_8);
    }

    /** Appends a run of name bytes (any non-ASCII byte counts) to the buffer. */
    private boolean readName() {
        int b = mustgetc();
        if (b < 0) {
            return false;
        }
        if (b < 0x80 && !XmlNames.isNameByte(b)) {
            ungetc(b);
            return false;
        }
        buf.write(b);
        while (true) {
            if ((b = mustgetc()) < 0) {
                return false;
            }
            if (b < 0x80 && !XmlNames.isNameByte(b)) {
                ungetc(b);
                return true;
            }
            buf.write(b);
        }
    }

    private void space() {
        while (true) {
            int b = getc();
            if (b < 0) {
                return;
            }
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                ungetc(b);
                return;
            }
        }
    }

    private int getc() {
        if (err != null) {
            return -1;
        }
        int b;
        if (nextByte >= 0) {
            b = nextByte;
            nextByte = -1;
        } else if (pos < in.length) {
            b = in[pos++] & 0xFF;
        } else {
            err = EOF;
            return -1;
        }
        if (b == '\n') {
            line++;
        }
        return b;
    }

    private int mustgetc() {
        int b = getc();
        if (b < 0 && err == EOF) {
            err = syntax("unexpected EOF");
        }
        return b;
    }

    private void ungetc(int b) {
        if (b == '\n') {
            line--;
        }
        nextByte = b;
    }

    private Token fail(String message) {
        if (err == null) {
            err = syntax(message);
        }
        return null;
    }

    private String syntax(String message) {
        return "XML syntax error on line " + line + ": " + message;
    }

    /** Go's {@code procInst}: the quoted value after {@code param=}, or "". */
    static String procInstParam(String param, String s) {
        int idx = s.indexOf(param + "=");
        if (idx < 0) {
            return "";
        }
        String v = s.substring(idx + param.length() + 1);
        if (v.isEmpty() || (v.charAt(0) != '\'' && v.charAt(0) != '"')) {
            return "";
        }
        int end = v.indexOf(v.charAt(0), 1);
        return end < 0 ? "" : v.substring(1, end);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A growable byte buffer with truncation, like Go's bytes.Buffer as the decoder uses it. */
    private static final class Buf {
        private byte[] bytes = new byte[256];
        private int len;

        void reset() {
            len = 0;
        }

        void write(int b) {
            if (len == bytes.length) {
                bytes = Arrays.copyOf(bytes, len * 2);
            }
            bytes[len++] = (byte) b;
        }

        byte[] copy(int from, int to) {
            return Arrays.copyOfRange(bytes, from, to);
        }

        String string(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
    }
}
