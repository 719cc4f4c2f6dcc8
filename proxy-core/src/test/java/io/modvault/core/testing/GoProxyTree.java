package io.modvault.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A directory in GOPROXY layout, usable as {@code GOPROXY=file://…} by the go command, as the
 * document root of a static web server, and as the content of a {@link FakeUpstream}. For each
 * module it keeps {@code <escaped path>/@v/list}, {@code @latest}, and per version
 * {@code @v/<escaped version>.info|.mod|.zip}; paths and versions are case-encoded
 * ({@code Upper} → {@code !upper}). Files are replaced atomically, so modules may be added while
 * a server reads the tree (e.g. "a new version appears upstream").
 */
public final class GoProxyTree {

    private final Path root;
    private final Map<String, List<TestModule>> byPath = new LinkedHashMap<>();

    private GoProxyTree(Path root) {
        this.root = root.toAbsolutePath();
    }

    /**
     * A tree rooted at {@code root}, created if missing. Existing files stay, but a module's
     * {@code list} and {@code @latest} are rewritten from the versions added through this instance.
     */
    public static GoProxyTree create(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + root, e);
        }
        return new GoProxyTree(root);
    }

    /** Shorthand for {@code create(root).addAll(modules)}. */
    public static GoProxyTree write(Path root, Collection<TestModule> modules) {
        return create(root).addAll(modules);
    }

    public Path root() {
        return root;
    }

    /** The value for {@code GOPROXY}: {@code file:///abs/root} (no trailing slash). */
    public String fileUrl() {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The file behind a proxy-relative path such as {@link #zipPath(TestModule)}. */
    public Path file(String relativePath) {
        return root.resolve(relativePath.startsWith("/") ? relativePath.substring(1) : relativePath);
    }

    public GoProxyTree addAll(Collection<TestModule> modules) {
        modules.forEach(this::add);
        return this;
    }

    /** Writes {@code .info}, {@code .mod}, {@code .zip} of one version and refreshes list and latest. */
    public synchronized GoProxyTree add(TestModule module) {
        writeAtomically(infoPath(module), ModuleZips.infoJson(module).getBytes(StandardCharsets.UTF_8));
        writeAtomically(modPath(module), module.goMod());
        Path zip = file(zipPath(module));
        moveInto(ModuleZips.write(module, temporarySibling(zip)), zip);
        register(module);
        return this;
    }

    /**
     * Like {@link #add} but with a zip of about {@code approxBytes} from
     * {@link ModuleZips#sized}, streamed straight to disk; returns the zip file.
     */
    public synchronized Path addSized(TestModule base, long approxBytes, Random random) {
        Path zip = file(zipPath(base));
        moveInto(ModuleZips.sized(base, approxBytes, random, temporarySibling(zip)), zip);
        writeAtomically(infoPath(base), ModuleZips.infoJson(base).getBytes(StandardCharsets.UTF_8));
        writeAtomically(modPath(base), base.goMod());
        register(base);
        return zip;
    }

    /** {@code <escaped path>/@v/list}, relative to the proxy base. */
    public static String listPath(String modulePath) {
        return BangCase.escape(modulePath) + "/@v/list";
    }

    /** {@code <escaped path>/@latest}, relative to the proxy base. */
    public static String latestPath(String modulePath) {
        return BangCase.escape(modulePath) + "/@latest";
    }

    public static String infoPath(TestModule module) {
        return artifactPath(module.path(), module.version(), "info");
    }

    public static String modPath(TestModule module) {
        return artifactPath(module.path(), module.version(), "mod");
    }

    public static String zipPath(TestModule module) {
        return artifactPath(module.path(), module.version(), "zip");
    }

    /** {@code <escaped path>/@v/<escaped version>.<extension>}, relative to the proxy base. */
    public static String artifactPath(String modulePath, String version, String extension) {
        return BangCase.escape(modulePath) + "/@v/" + BangCase.escape(version) + "." + extension;
    }

    private void register(TestModule module) {
        List<TestModule> versions = byPath.computeIfAbsent(module.path(), p -> new ArrayList<>());
        versions.removeIf(m -> m.version().equals(module.version()));
        versions.add(module);
        writeAtomically(
                listPath(module.path()),
                TestModules.listOf(versions, module.path()).getBytes(StandardCharsets.UTF_8));
        TestModule latest = TestModules.latestOf(versions, module.path()).orElseThrow();
        writeAtomically(latestPath(module.path()), ModuleZips.infoJson(latest).getBytes(StandardCharsets.UTF_8));
    }

    private void writeAtomically(String relativePath, byte[] content) {
        Path target = file(relativePath);
        try {
            Path temp = temporarySibling(target);
            Files.write(temp, content);
            moveInto(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }

    private static Path temporarySibling(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempFile(target.getParent(), ".tmp-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file beside " + target, e);
        }
    }

    private static void moveInto(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + temp + " to " + target, e);
        }
    }
}
