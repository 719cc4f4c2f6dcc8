package io.modvault.core.vcs.coderepo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code .info} and {@code @latest} for a module fetched from its repository: the
 * module version, the commit time, and where it came from ({@code Origin}: VCS, URL without
 * credentials, module subdirectory, commit hash, and the ref it was found through), serialized
 * as the go command's {@code RevInfo} JSON.
 */
public record RevisionInfo(String version, Instant time, Origin origin) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** modfetch's {@code codehost.Origin}, limited to the fields a proxy answer needs. */
    public record Origin(String vcs, String url, String subdir, String hash, Optional<String> ref) {
        public Origin {
            Objects.requireNonNull(vcs, "vcs");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(subdir, "subdir");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(ref, "ref");
        }

        Origin withRef(String newRef) {
            return new Origin(vcs, url, subdir, hash, Optional.of(newRef));
        }
    }

    public RevisionInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code {"Version":…,"Time":…,"Origin":{"VCS":…,"URL":…,"Subdir":…,"Hash":…,"Ref":…}}}, empty fields omitted. */
    public byte[] toJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("VCS", origin.vcs());
        o.put("URL", origin.url());
        if (!origin.subdir().isEmpty()) {
            o.put("Subdir", origin.subdir());
        }
        o.put("Hash", origin.hash());
        origin.ref().ifPresent(ref -> o.put("Ref", ref));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Version", version);
        info.put("Time", time.toString());
        info.put("Origin", o);
        try {
            return JSON.writeValueAsBytes(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing version info", e);
        }
    }
}
