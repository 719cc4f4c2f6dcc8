package io.modvault.core.policy;

/**
 * A port of Go's {@code path.Match} over UTF-8 bytes, so that "?" and character classes consume
 * whole runes and literals compare bytes exactly as Go does. A malformed pattern never matches.
 */
final class GlobMatch {
    private static final int FAIL = -1;
    private static final int BAD_PATTERN = -2;
    private static final int RUNE_ERROR = 0xFFFD;

    private GlobMatch() {}

    static boolean matches(byte[] pattern, byte[] name) {
        int p = 0;
        int n = 0;
        pattern:
        while (p < pattern.length) {
            boolean star = false;
            while (p < pattern.length && pattern[p] == '*') {
                p++;
                star = true;
            }
            int chunkEnd = chunkEnd(pattern, p);
            if (star && chunkEnd == p) {
                // A trailing star matches the rest of the name unless it crosses a "/".
                return indexOf(name, n, (byte) '/') < 0;
            }
            boolean last = chunkEnd == pattern.length;
            int rest = matchChunk(pattern, p, chunkEnd, name, n);
            if (rest >= 0 && (rest == name.length || !last)) {
                n = rest;
                p = chunkEnd;
                continue;
            }
            if (rest == BAD_PATTERN) {
                return false;
            }
            if (star) {
                for (int i = n; i < name.length && name[i] != '/'; i++) {
                    int t = matchChunk(pattern, p, chunkEnd, name, i + 1);
                    if (t >= 0) {
                        if (last && t < name.length) {
                            continue;
                        }
                        n = t;
                        p = chunkEnd;
                        continue pattern;
                    }
                    if (t == BAD_PATTERN) {
                        return false;
                    }
                }
            }
            return false;
        }
        return n == name.length;
    }

    /** Go's scanChunk: the chunk runs to the next "*" that is outside a character class. */
    private static int chunkEnd(byte[] pattern, int from) {
        boolean inRange = false;
        for (int i = from; i < pattern.length; i++) {
            switch (pattern[i]) {
                case '\\' -> {
                    if (i + 1 < pattern.length) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        return i;
                    }
                }
                default -> {}
            }
        }
        return pattern.length;
    }

    /**
     * Go's matchChunk: the offset in {@code s} after the chunk matched at {@code si}, or FAIL, or
     * BAD_PATTERN. After a mismatch it keeps parsing the chunk so syntax errors are always seen.
     */
    private static int matchChunk(byte[] c, int ci, int ce, byte[] s, int si) {
        boolean failed = false;
        while (ci < ce) {
            if (!failed && si == s.length) {
                failed = true;
            }
            byte b = c[ci];
            if (b == '[') {
                int r = 0;
                if (!failed) {
                    long rs = Utf8.decode(s, si);
                    r = (int) rs;
                    si += (int) (rs >>> 32);
                }
                ci++;
                boolean negated = ci < ce && c[ci] == '^';
                if (negated) {
                    ci++;
                }
                boolean match = false;
                int ranges = 0;
                while (true) {
                    if (ci < ce && c[ci] == ']' && ranges > 0) {
                        ci++;
                        break;
                    }
                    long lo = escapedRune(c, ci, ce);
                    if (lo < 0) {
                        return BAD_PATTERN;
                    }
                    ci = (int) (lo >>> 32);
                    int hi = (int) lo;
                    if (c[ci] == '-') {
                        long h = escapedRune(c, ci + 1, ce);
                        if (h < 0) {
                            return BAD_PATTERN;
                        }
                        ci = (int) (h >>> 32);
                        hi = (int) h;
                    }
                    if ((int) lo <= r && r <= hi) {
                        match = true;
                    }
                    ranges++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (b == '?') {
                if (!failed) {
                    if (s[si] == '/') {
                        failed = true;
                    }
                    si += (int) (Utf8.decode(s, si) >>> 32);
                }
                ci++;
            } else {
                if (b == '\\') {
                    ci++;
                    if (ci == ce) {
                        return BAD_PATTERN;
                    }
                }
                if (!failed) {
                    if (c[ci] != s[si]) {
                        failed = true;
                    }
                    si++;
                }
                ci++;
            }
        }
        return failed ? FAIL : si;
    }

    /**
     * Go's getEsc: a possibly escaped rune of a character class, packed as
     * {@code (nextIndex << 32) | rune}, or -1 for a malformed class.
     */
    private static long escapedRune(byte[] c, int ci, int ce) {
        if (ci == ce || c[ci] == '-' || c[ci] == ']') {
            return -1;
        }
        if (c[ci] == '\\') {
            ci++;
            if (ci == ce) {
                return -1;
            }
        }
        long rs = Utf8.decode(c, ci, ce);
        int r = (int) rs;
        int size = (int) (rs >>> 32);
        if (r == RUNE_ERROR && size == 1) {
            return -1;
        }
        int next = ci + size;
        if (next == ce) {
            return -1;
        }
        return ((long) next << 32) | r;
    }

    private static int indexOf(byte[] a, int from, byte b) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
