package io.modvault.core.vcs.git;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The branches and tags of a mirror at one moment: each ref ({@code refs/heads/main},
 * {@code refs/tags/v1.2.3}) with the object it names and the commit it peels to, the remote's
 * default-branch commit ({@code HEAD}) when the remote was asked, and when that was.
 * {@code fetchedAt} is {@link Instant#MIN} for refs read from disk that no fetch has confirmed.
 */
public record RefSnapshot(
        Map<String, String> ids, Map<String, String> commits, Optional<String> head, Instant fetchedAt) {
    static final String TAGS = "refs/tags/";
    static final String HEADS = "refs/heads/";

    public RefSnapshot {
        ids = Map.copyOf(ids);
        commits = Map.copyOf(commits);
    }

    static RefSnapshot empty() {
        return new RefSnapshot(Map.of(), Map.of(), Optional.empty(), Instant.MIN);
    }

    /** Tag name (without {@code refs/tags/}) to commit, sorted by name as the go command sorts tags. */
    public TreeMap<String, String> tags() {
        TreeMap<String, String> tags = new TreeMap<>();
        commits.forEach((ref, commit) -> {
            if (ref.startsWith(TAGS)) {
                tags.put(ref.substring(TAGS.length()), commit);
            }
        });
        return tags;
    }

    /** The names of the tags that peel to {@code commit}, sorted. */
    public List<String> tagsAt(String commit) {
        List<String> names = new ArrayList<>();
        tags().forEach((name, target) -> {
            if (target.equals(commit)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The commit a branch, tag or {@code HEAD} names. */
    public Optional<String> commit(String ref) {
        if (ref.equals("HEAD")) {
            return head;
        }
        return Optional.ofNullable(commits.get(ref));
    }

    /** Every ref with its commit, {@code HEAD} included when known, in name order. */
    public TreeMap<String, String> allWithHead() {
        TreeMap<String, String> all = new TreeMap<>(commits);
        head.ifPresent(h -> all.put("HEAD", h));
        return all;
    }

    RefSnapshot withHead(Optional<String> newHead, Instant at) {
        return new RefSnapshot(ids, commits, newHead, at);
    }
}
