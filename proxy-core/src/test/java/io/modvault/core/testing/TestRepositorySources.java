package io.modvault.core.testing;

/**
 * Go source files of the {@link TestRepositories} modules. Each module's package has
 * {@code func Name() string} returning {@code "<module>@<label>"}, so a program built against
 * them prints which commit the go command picked; some versions spread that over an internal
 * package, so a build also needs the module's subdirectories.
 */
final class TestRepositorySources {

    static final String LICENSE = "Test fixture for modvault; no rights reserved.\n";

    private TestRepositorySources() {}

    /** One file: package {@code pkg} with {@code Name()} returning {@code "<module>@<label>"}. */
    static String simple(String pkg, String module, String label) {
        return header(pkg, module, label) + "func Name() string { return \"" + module + "@" + label + "\" }\n";
    }

    /** Like {@link #simple} but through {@code <module>/internal/text}. */
    static String withText(String pkg, String module, String label) {
        return header(pkg, module, label)
                        .replace(
                                "package " + pkg + "\n",
                                "package " + pkg + "\n\nimport \"" + module + "/internal/text\"\n")
                + "func Name() string { return text.Join(\"" + module + "\", \"" + label + "\") }\n";
    }

    /** Like {@link #simple} but through {@code <module>/internal/util}. */
    static String withUtil(String pkg, String module, String label) {
        return header(pkg, module, label)
                        .replace(
                                "package " + pkg + "\n",
                                "package " + pkg + "\n\nimport \"" + module + "/internal/util\"\n")
                + "func Name() string { return util.At(\"" + module + "\", \"" + label + "\") }\n";
    }

    /** internal/text/text.go. */
    static String textPackage() {
        return "// Package text joins coordinates.\npackage text\n\n"
                + "// Join returns path@label.\n"
                + "func Join(path, label string) string { return path + \"@\" + label }\n";
    }

    /** internal/util/util.go. */
    static String utilPackage() {
        return "// Package util joins coordinates.\npackage util\n\n"
                + "// At returns path@label.\n"
                + "func At(path, label string) string { return path + \"@\" + label }\n";
    }

    private static String header(String pkg, String module, String label) {
        return "// Package " + pkg + " is a modvault test fixture (" + module + "@" + label + ").\n"
                + "package " + pkg + "\n\n"
                + "// Name reports the module path and version this package was built from.\n";
    }
}
