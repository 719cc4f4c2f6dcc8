package io.modvault.core.module;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** test-vectors.md §H.2: each path judged as a module path, an import path and a file path. */
class PathRulesTableTest {

    static Stream<Arguments> checkPathTable() {
        List<Arguments> rows = new ArrayList<>();
        row(rows, "x.y/z", true, true, true);
        row(rows, "x.y", true, true, true);
        row(rows, "", false, false, false);
        row(rows, "/x.y/z", false, false, false);
        row(rows, "x./z", false, false, false);
        row(rows, ".x/z", false, true, true);
        row(rows, "-x/z", false, false, true);
        row(rows, "x..y/z", true, true, true);
        row(rows, "x.y/z/../../w", false, false, false);
        row(rows, "x.y//z", false, false, false);
        row(rows, "x.y/z/", false, false, false);
        row(rows, "x.y/z/v0", false, true, true);
        row(rows, "x.y/z/v1", false, true, true);
        row(rows, "x.y/z/v2", true, true, true);
        row(rows, "x.y/z/v2.0", false, true, true);
        row(rows, "X.y/z", false, true, true);
        row(rows, "!x.y/z", false, false, true);
        row(rows, "_x.y/z", false, true, true);
        row(rows, "x.y+/z", false, true, true);
        row(rows, "x.y-/z", true, true, true);
        row(rows, "x.y/z++", false, true, true);
        row(rows, "x.y/z~", true, true, true);
        row(rows, "x.y/z~0", false, false, true);
        row(rows, "x.y/z09~09z~09", false, false, true);
        row(rows, "x.y/aux.foo", false, false, false);
        row(rows, "x.y/prn2", true, true, true);
        row(rows, "x.y/com1.txt", false, false, false);
        row(rows, "x.y/calm1", true, true, true);
        for (String c : List.of("\"", "'", "*", ":", ";", "<", ">", "?", "\\", "`")) {
            row(rows, "x.y/z" + c, false, false, false);
        }
        for (String c : List.of("!", "#", "$", "%", "&", "(", ")", ",", "=", "@", "[", "]", "^", "{", "}")) {
            row(rows, "x.y/z" + c, false, false, true);
        }
        row(rows, "github.com/!123/logrus", false, false, true);
        row(rows, "github.com/user/unicode/испытание", false, false, true);
        for (String p : List.of("../x", "./y", "x:y", "\\temp\\foo", "x☺y")) {
            row(rows, p, false, false, false);
        }
        row(rows, ".gitignore", false, true, true);
        row(rows, ".github/ISSUE_TEMPLATE", false, true, true);
        return rows.stream();
    }

    private static void row(List<Arguments> rows, String path, boolean module, boolean importOk, boolean file) {
        rows.add(Arguments.of(path, module, importOk, file));
    }

    @ParameterizedTest(name = "module path \"{0}\" valid={1}")
    @MethodSource("checkPathTable")
    void judgesModulePathsLikeCheckPath(String path, boolean module, boolean importOk, boolean file) {
        expect(() -> ModulePath.of(path), module, "malformed module path");
    }

    @ParameterizedTest(name = "import path \"{0}\" valid={2}")
    @MethodSource("checkPathTable")
    void judgesImportPathsLikeCheckImportPath(String path, boolean module, boolean importOk, boolean file) {
        expect(() -> FilePaths.checkImportPath(path), importOk, "malformed import path");
    }

    @ParameterizedTest(name = "file path \"{0}\" valid={3}")
    @MethodSource("checkPathTable")
    void judgesFilePathsLikeCheckFilePath(String path, boolean module, boolean importOk, boolean file) {
        expect(() -> FilePaths.checkFilePath(path), file, "malformed file path");
    }

    @ParameterizedTest(name = "escaping module path \"{0}\" valid={1}")
    @MethodSource("checkPathTable")
    void parseEscapedAcceptsExactlyTheValidModulePaths(String path, boolean module, boolean importOk, boolean file) {
        if (module) {
            ModulePath plain = ModulePath.of(path);
            assertThatCode(() -> ModulePath.parseEscaped(plain.escaped())).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> ModulePath.parseEscaped(path))
                    .isInstanceOf(InvalidModuleException.class)
                    .hasMessageStartingWith("invalid escaped module path");
        }
    }

    private static void expect(ThrowingCallable check, boolean valid, String messageStart) {
        if (valid) {
            assertThatCode(check).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(check)
                    .isInstanceOf(InvalidModuleException.class)
                    .hasMessageStartingWith(messageStart)
                    .hasMessageNotContaining("\n");
        }
    }
}
