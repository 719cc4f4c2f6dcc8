package io.modvault.core.prewarm;

import java.util.List;
import java.util.Optional;

/**
 * Turns one command-line input into the items it names. Each kind of input (go.mod and go.work
 * files, go.sum files and the directories holding any of them, module@version) has one expander;
 * {@link PrewarmInputs} asks them in turn and the first that recognises the input answers. An expander answers empty for inputs not
 * of its kind, and throws {@link InputException} for an input of its kind that is malformed or
 * unreadable, so the user learns which input is wrong before anything is fetched.
 */
@FunctionalInterface
public interface InputExpander {

    /** The items {@code input} names, or empty when the input is not of this expander's kind. */
    Optional<List<PrewarmItem>> expand(String input);
}
