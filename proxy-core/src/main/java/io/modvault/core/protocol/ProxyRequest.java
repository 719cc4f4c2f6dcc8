package io.modvault.core.protocol;

import io.modvault.core.module.ModulePath;
import java.util.Optional;

/**
 * One parsed, validated request of the GOPROXY protocol (or the checksum-database proxy). Only
 * {@link ProxyRequestParser} creates these from URLs, so every instance holds a valid module
 * path and a version that passed Go's rules for its kind.
 */
public sealed interface ProxyRequest {

    /** The upstream path of this request, relative to a GOPROXY base, case-encoded. */
    String upstreamPath();

    /** The module the request is about; empty for checksum-database requests. */
    default Optional<ModulePath> subject() {
        return switch (this) {
            case ListVersions r -> Optional.of(r.module());
            case Latest r -> Optional.of(r.module());
            case Info r -> Optional.of(r.module());
            case Mod r -> Optional.of(r.module());
            case Zip r -> Optional.of(r.module());
            case Sumdb r -> Optional.empty();
        };
    }

    /** {@code $module/@v/list}. */
    record ListVersions(ModulePath module) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return module.escaped() + "/@v/list";
        }
    }

    /** {@code $module/@latest}. */
    record Latest(ModulePath module) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return module.escaped() + "/@latest";
        }
    }

    /**
     * {@code $module/@v/$version.info}. {@code canonical} is true when the version is a canonical
     * semantic version that fits the path's major version: then the answer is immutable. Other
     * versions (branches, commit hashes, prefixes) are queries whose answer may change.
     */
    record Info(ModulePath module, String version, boolean canonical) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return module.escaped() + "/@v/" + io.modvault.core.module.ModuleVersion.escape(version) + ".info";
        }
    }

    /** {@code $module/@v/$version.mod} of a canonical version. */
    record Mod(ModulePath module, String version) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return module.escaped() + "/@v/" + io.modvault.core.module.ModuleVersion.escape(version) + ".mod";
        }
    }

    /** {@code $module/@v/$version.zip} of a canonical version. */
    record Zip(ModulePath module, String version) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return module.escaped() + "/@v/" + io.modvault.core.module.ModuleVersion.escape(version) + ".zip";
        }
    }

    /**
     * {@code /sumdb/$name/$rest} where {@code rest} is {@code supported}, {@code latest},
     * {@code lookup/…} or {@code tile/…}, already checked for shape and case-encoded again.
     */
    record Sumdb(String databaseName, String rest) implements ProxyRequest {
        @Override
        public String upstreamPath() {
            return "sumdb/" + databaseName + "/" + rest;
        }
    }
}
