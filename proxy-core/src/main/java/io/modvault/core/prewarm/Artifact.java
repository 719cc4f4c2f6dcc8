package io.modvault.core.prewarm;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.protocol.ProxyRequest;

/** One file of a module version in the GOPROXY layout, in the order the go command asks for them. */
public enum Artifact {
    INFO(".info"),
    MOD(".mod"),
    ZIP(".zip");

    private final String suffix;

    Artifact(String suffix) {
        this.suffix = suffix;
    }

    /** {@code .info}, {@code .mod} or {@code .zip}, as reports name it. */
    public String suffix() {
        return suffix;
    }

    /** The protocol request for this artifact of a canonical version. */
    public ProxyRequest request(ModuleCoordinate coordinate) {
        return switch (this) {
            case INFO -> new ProxyRequest.Info(coordinate.path(), coordinate.version(), true);
            case MOD -> new ProxyRequest.Mod(coordinate.path(), coordinate.version());
            case ZIP -> new ProxyRequest.Zip(coordinate.path(), coordinate.version());
        };
    }
}
