package io.modvault.core.vcs.git;

/**
 * State a higher layer keeps per {@link GitMirror} and derives from its refs (coderepo's resolved
 * versions): obtained through {@link GitMirror#derived}, it is told of every fetch that changed
 * the refs, and of every fetch that failed half-way and so may have moved them, after the new
 * refs are visible. The git layer knows nothing else of it.
 */
public interface RefDerivedState {

    /** The refs have changed, or may have: drop whatever was derived from the old ones. */
    void refsChanged();
}
