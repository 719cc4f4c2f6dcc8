package io.modvault.server;

import picocli.CommandLine;

/** The version of this build, from the jar manifest (or "dev" when run from classes). */
public final class Versions implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"modvault " + current()};
    }
}
