package io.modvault.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a request path lands among the bare repositories {@code <root>/<repo>.git} of a
 * {@link GitHttpServer}: the repository name (e.g. {@code org/mono}), whether the path spelled it
 * with {@code .git}, and the rest (e.g. {@code /info/refs}, {@code /tools/cli} or empty). The
 * shortest matching prefix wins, as a hosting site resolves {@code org/repo/sub/pkg}.
 */
record GitRepoPath(String repo, boolean dotGit, String rest) {

    /** The {@code PATH_INFO} for http-backend: always the {@code .git} directory spelling. */
    String pathInfo() {
        return "/" + repo + ".git" + rest;
    }

    /** Resolves a decoded request path such as {@code /org/repo.git/info/refs}; empty if no repository matches. */
    static Optional<GitRepoPath> find(Path root, String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        String[] elements = path.substring(1).split("/", -1);
        for (int i = 0; i < elements.length; i++) {
            boolean trailing = i == elements.length - 1 && i > 0;
            if ((elements[i].isEmpty() && !trailing) || elements[i].equals(".") || elements[i].equals("..")) {
                return Optional.empty();
            }
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < elements.length && !elements[i].isEmpty(); i++) {
            String element = elements[i];
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(element);
            String rest = rest(elements, i + 1);
            if (element.endsWith(".git") && element.length() > 4) {
                String repo = prefix.substring(0, prefix.length() - 4);
                if (isBareRepo(root.resolve(prefix.toString()))) {
                    return Optional.of(new GitRepoPath(repo, true, rest));
                }
            } else if (isBareRepo(root.resolve(prefix + ".git"))) {
                return Optional.of(new GitRepoPath(prefix.toString(), false, rest));
            }
        }
        return Optional.empty();
    }

    private static String rest(String[] elements, int from) {
        StringBuilder rest = new StringBuilder();
        for (int i = from; i < elements.length; i++) {
            rest.append('/').append(elements[i]);
        }
        return rest.toString();
    }

    private static boolean isBareRepo(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"));
    }
}
