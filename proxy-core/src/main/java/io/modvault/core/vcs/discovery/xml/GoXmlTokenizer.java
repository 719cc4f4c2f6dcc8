package io.modvault.core.vcs.discovery.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A port of Go's {@code encoding/xml} {@code Decoder.RawToken} with {@code Strict = false}, no
 * entity map and the go command's charset reader, which is how {@code parseMetaGoImports} reads
 * go-get pages. Only what discovery needs is kept of each token (element and attribute local
 * names, attribute values); errors carry Go's messages ({@code XML syntax error on line N: ...}).
 * Non-ASCII XML names are classified with Java's Unicode properties rather than XML 1.0's tables.
 */
public final class GoXmlTokenizer {

    /** One raw token: a start or end element, or anything else. */
    public sealed interface Token permits Start, End, Other {}

    /** An attribute's local name and unescaped value. */
    public record Attr(String local, String value) {}

    /** A start element with its attributes. */
    public record Start(String local, List<Attr> attrs) implements Token {}

    /** An end element. */
    public record End(String local) implements Token {}

    /** Character data, comments, processing instructions and directives. */
    public record Other() implements Token {}

    /** A syntax error, with Go's message; once thrown, every later {@link #next()} throws it again. */
    public static final class XmlException extends Exception {
        XmlException(String message) {
            super(message);
        }
    }

    private static final Other OTHER = new Other();

    private final XmlScanner s;
    private boolean needClose;
    private String toClose;

    public GoXmlTokenizer(byte[] in) {
        this.s = new XmlScanner(in);
    }

    /** The next token, empty at the end of input; errors are sticky, as in Go. */
    public Optional<Token> next() throws XmlException {
        Token token = rawToken();
        if (token != null) {
            return Optional.of(token);
        }
        if (s.atEof()) {
            return Optional.empty();
        }
        throw new XmlException(s.error());
    }

    private Token rawToken() {
        if (s.stopped()) {
            return null;
        }
        if (needClose) {
            needClose = false;
            return new End(toClose);
        }
        int b = s.getc();
        if (b < 0) {
            return null;
        }
        if (b != '<') {
            s.ungetc(b);
            return s.text(-1, false) == null ? null : OTHER;
        }
        if ((b = s.mustgetc()) < 0) {
            return null;
        }
        return switch (b) {
            case '/' -> endElement();
            case '?' -> procInst();
            case '!' -> XmlMarkupDeclarations.read(s) ? OTHER : null;
            default -> {
                s.ungetc(b);
                yield startElement();
            }
        };
    }

    private Token endElement() {
        String name = s.nsname();
        if (name == null) {
            return fail("expected element name after </");
        }
        s.space();
        int b = s.mustgetc();
        if (b < 0) {
            return null;
        }
        if (b != '>') {
            s.failNow("invalid characters between </" + name + " and >");
            return null;
        }
        return new End(name);
    }

    private Token procInst() {
        String target = s.name();
        if (target == null) {
            return fail("expected target name after <?");
        }
        s.space();
        ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int b0 = 0;
        while (true) {
            int b = s.mustgetc();
            if (b < 0) {
                return null;
            }
            data.write(b);
            if (b0 == '?' && b == '>') {
                break;
            }
            b0 = b;
        }
        if (target.equals("xml")) {
            byte[] bytes = data.toByteArray();
            String content = new String(bytes, 0, bytes.length - 2, StandardCharsets.UTF_8);
            String version = procInstParam("version", content);
            if (!version.isEmpty() && !version.equals("1.0")) {
                s.failWith("xml: unsupported version " + quote(version) + "; only version 1.0 is supported");
                return null;
            }
            String encoding = procInstParam("encoding", content);
            if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("utf-8") && !encoding.equalsIgnoreCase("ascii")) {
                // The go command's charsetReader knows UTF-8 and ASCII only.
                s.failWith("xml: opening charset " + quote(encoding) + ": can't decode XML document using charset "
                        + quote(encoding));
                return null;
            }
        }
        return OTHER;
    }

    private Token startElement() {
        String name = s.nsname();
        if (name == null) {
            return fail("expected element name after <");
        }
        List<Attr> attrs = new ArrayList<>();
        boolean empty = false;
        while (true) {
            s.space();
            int b = s.mustgetc();
            if (b < 0) {
                return null;
            }
            if (b == '/') {
                empty = true;
                if ((b = s.mustgetc()) < 0) {
                    return null;
                }
                if (b != '>') {
                    s.failNow("expected /> in element");
                    return null;
                }
                break;
            }
            if (b == '>') {
                break;
            }
            s.ungetc(b);
            String attr = s.nsname();
            if (attr == null) {
                return fail("expected attribute name in element");
            }
            s.space();
            if ((b = s.mustgetc()) < 0) {
                return null;
            }
            String value;
            if (b != '=') {
                s.ungetc(b); // non-strict: an attribute without a value is its own name
                value = attr;
            } else {
                s.space();
                byte[] data = s.attrval();
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

    /** Go's {@code procInst}: the quoted value after {@code param=}, or "". */
    static String procInstParam(String param, String content) {
        int idx = content.indexOf(param + "=");
        if (idx < 0) {
            return "";
        }
        String v = content.substring(idx + param.length() + 1);
        if (v.isEmpty() || (v.charAt(0) != '\'' && v.charAt(0) != '"')) {
            return "";
        }
        int end = v.indexOf(v.charAt(0), 1);
        return end < 0 ? "" : v.substring(1, end);
    }

    private Token fail(String message) {
        s.fail(message);
        return null;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
