package io.modvault.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in the config file as a {@link StartupFailure} with its line and column.
 * Jackson's message for it is SnakeYAML's several-line report ("while parsing a block mapping …
 * in 'reader', line 1, column 1: …"), so the parts are taken from SnakeYAML's exception, its
 * cause: the problem and where it is (0-based there, 1-based here as in editors).
 */
final class YamlErrors {
    private static final String WHAT_TO_DO =
            "fix the file: one 'key: value' line per setting, keys as in the environment";

    private YamlErrors() {}

    static StartupFailure explain(String setting, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Mark at = yaml.getProblemMark();
                String problem = yaml.getProblem() == null ? firstLine(yaml.getMessage()) : yaml.getProblem();
                return syntaxError(setting, at.getLine() + 1, at.getColumn() + 1, problem, e);
            }
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            JsonLocation at = json.getLocation();
            if (at.getLineNr() > 0) {
                return syntaxError(setting, at.getLineNr(), at.getColumnNr(), firstLine(json.getOriginalMessage()), e);
            }
        }
        return new StartupFailure(setting, "not valid YAML: " + firstLine(e.getMessage()), WHAT_TO_DO, e);
    }

    private static StartupFailure syntaxError(String setting, int line, int column, String problem, IOException e) {
        return new StartupFailure(
                setting, "YAML syntax error at line " + line + ", column " + column + ": " + problem, WHAT_TO_DO, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse(message);
    }
}
