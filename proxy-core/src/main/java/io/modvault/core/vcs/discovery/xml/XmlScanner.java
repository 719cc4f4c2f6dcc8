package io.modvault.core.vcs.discovery.xml;

import java.nio.charset.StandardCharsets;

/**
 * The byte level of Go's {@code encoding/xml} decoder in non-strict mode, for
 * {@link GoXmlTokenizer}: one byte of push-back, line counting, names, attribute values and
 * character data with entity replacement (unknown entities are left as written) and Go's
 * validity checks. Errors are sticky and carry Go's messages; end of input is not an error until
 * a token is cut short ({@code mustgetc}).
 */
final class XmlScanner {

    private static final String EOF = new String("EOF");

    private final byte[] in;
    private int pos;
    private int nextByte = -1;
    private int line = 1;
    private String err;
    private final XmlBuffer buf = new XmlBuffer();

    XmlScanner(byte[] in) {
        this.in = in;
    }

    /** Whether reading stopped, at the end of input or on an error. */
    boolean stopped() {
        return err != null;
    }

    /** Whether reading stopped cleanly at the end of input. */
    boolean atEof() {
        return err == EOF;
    }

    String error() {
        return err;
    }

    /** Records a syntax error unless an error (such as "unexpected EOF") is already recorded. */
    void fail(String message) {
        if (err == null) {
            err = syntax(message);
        }
    }

    /** Records a syntax error, replacing a clean end of input. */
    void failNow(String message) {
        err = syntax(message);
    }

    /** Records a non-syntax error (Go's "xml: ..." messages). */
    void failWith(String message) {
        err = message;
    }

    byte[] attrval() {
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
            if (b >= 'a' && b <= 'z'
                    || b >= 'A' && b <= 'Z'
                    || b >= '0' && b <= '9'
                    || b == '_'
                    || b == ':'
                    || b == '-') {
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
    byte[] text(int quote, boolean cdata) {
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
                replacement = XmlCharacters.codePoint(digits, base);
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
                    replacement = XmlCharacters.namedEntity(new String(name, StandardCharsets.UTF_8));
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

    private boolean checkCharacters(byte[] data) {
        String problem = XmlCharacters.problem(data);
        if (problem != null) {
            err = syntax(problem);
            return false;
        }
        return true;
    }

    /** A name's local part: "a:b" gives "b"; a name with two colons is no name (current Go). */
    String nsname() {
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

    String name() {
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

    void space() {
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

    int getc() {
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

    int mustgetc() {
        int b = getc();
        if (b < 0 && err == EOF) {
            err = syntax("unexpected EOF");
        }
        return b;
    }

    void ungetc(int b) {
        if (b == '\n') {
            line--;
        }
        nextByte = b;
    }

    private String syntax(String message) {
        return "XML syntax error on line " + line + ": " + message;
    }
}
