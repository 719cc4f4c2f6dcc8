package io.modvault.core.vcs.git;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Parses the ref listings of {@code git ls-remote} and {@code git for-each-ref}. */
final class RefLists {
    /** The for-each-ref format {@link #parseLocal} reads: object, peeled object, name, tab-separated. */
    static final String LOCAL_FORMAT = "%(objectname)%09%(*objectname)%09%(refname)";

    /** Refs of one listing: unpeeled ids and peeled commits of heads and tags, and HEAD if listed. */
    record Listing(Map<String, String> ids, Map<String, String> commits, Optional<String> head) {}

    private RefLists() {}

    /** {@code <id>\t<ref>} lines; {@code <ref>^{}} lines carry the commit of an annotated tag. */
    static Listing parseRemote(byte[] output) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> peeled = new HashMap<>();
        String head = null;
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 2) {
                continue;
            }
            String id = fields[0];
            String ref = fields[1];
            if (ref.equals("HEAD")) {
                head = id;
            } else if (ref.endsWith("^{}")) {
                peeled.put(ref.substring(0, ref.length() - 3), id);
            } else if (ref.startsWith(RefSnapshot.HEADS) || ref.startsWith(RefSnapshot.TAGS)) {
                ids.put(ref, id);
            }
        }
        Map<String, String> commits = new HashMap<>(ids);
        peeled.forEach((ref, commit) -> {
            if (commits.containsKey(ref)) {
                commits.put(ref, commit);
            }
        });
        return new Listing(ids, commits, Optional.ofNullable(head));
    }

    /** Output of {@code for-each-ref --format=LOCAL_FORMAT refs/heads refs/tags}. */
    static Listing parseLocal(byte[] output) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> commits = new HashMap<>();
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                continue;
            }
            ids.put(fields[2], fields[0]);
            commits.put(fields[2], fields[1].isEmpty() ? fields[0] : fields[1]);
        }
        return new Listing(ids, commits, Optional.empty());
    }
}
