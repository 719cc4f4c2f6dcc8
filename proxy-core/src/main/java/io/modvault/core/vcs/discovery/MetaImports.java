package io.modvault.core.vcs.discovery;

import io.modvault.core.vcs.GoStrings;
import io.modvault.core.vcs.discovery.xml.GoXmlTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go command's reading of a go-get page ({@code parseMetaGoImports}) and its choice among the
 * tags ({@code matchGoImport}). Parsing stops at {@code <body>} or {@code </head>}; a syntax error
 * counts only when no tag was found before it. {@code mod} entries are dropped, as with Go's
 * {@code IgnoreMod}: modvault fetches the repository itself.
 */
final class MetaImports {

    /** The tags found, or the parse error that left none. */
    record Parsed(List<MetaImport> imports, Optional<String> error) {}

    /** The outcome of choosing the tag for one import path. */
    sealed interface Match permits Found, NoMatch, Ambiguous {}

    record Found(MetaImport meta) implements Match {}

    /** No tag's prefix is a path prefix of the import path; {@code detail} lists them as Go does. */
    record NoMatch(String detail) implements Match {}

    record Ambiguous(String detail) implements Match {}

    private MetaImports() {}

    static Parsed parse(byte[] page) {
        GoXmlTokenizer tokens = new GoXmlTokenizer(page);
        List<MetaImport> imports = new ArrayList<>();
        while (true) {
            Optional<GoXmlTokenizer.Token> next;
            try {
                next = tokens.next();
            } catch (GoXmlTokenizer.XmlException e) {
                if (imports.isEmpty()) {
                    return new Parsed(List.of(), Optional.of(e.getMessage()));
                }
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            GoXmlTokenizer.Token token = next.get();
            if (token instanceof GoXmlTokenizer.Start start && start.local().equalsIgnoreCase("body")) {
                break;
            }
            if (token instanceof GoXmlTokenizer.End end && end.local().equalsIgnoreCase("head")) {
                break;
            }
            if (token instanceof GoXmlTokenizer.Start meta
                    && meta.local().equalsIgnoreCase("meta")
                    && attrValue(meta, "name").equals("go-import")) {
                List<String> f = GoStrings.fields(attrValue(meta, "content"));
                if (f.size() == 3 || f.size() == 4) {
                    imports.add(new MetaImport(f.get(0), f.get(1), f.get(2), f.size() == 4 ? f.get(3) : ""));
                }
            }
        }
        return new Parsed(imports.stream().filter(m -> !m.vcs().equals("mod")).toList(), Optional.empty());
    }

    /** The first attribute whose local name equals {@code name} ignoring case, or "". */
    private static String attrValue(GoXmlTokenizer.Start element, String name) {
        for (GoXmlTokenizer.Attr attr : element.attrs()) {
            if (attr.local().equalsIgnoreCase(name)) {
                return attr.value();
            }
        }
        return "";
    }

    /** Go's {@code matchGoImport}: exactly one tag's prefix must be a path prefix of {@code importPath}. */
    static Match match(List<MetaImport> imports, String importPath) {
        int match = -1;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            MetaImport im = imports.get(i);
            if (!pathPrefix(importPath, im.prefix())) {
                mismatches.add("meta tag " + im.prefix() + " did not match import path " + importPath);
                continue;
            }
            if (match >= 0) {
                if (imports.get(match).vcs().equals("mod") && !im.vcs().equals("mod")) {
                    break; // mod entries come first and win over the VCS entries after them
                }
                return new Ambiguous("multiple meta tags match import path \"" + importPath + "\"");
            }
            match = i;
        }
        return match < 0 ? new NoMatch(String.join(", ", mismatches)) : new Found(imports.get(match));
    }

    /** Whether {@code prefix} is a prefix of {@code path} in whole path elements. */
    static boolean pathPrefix(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
