package io.modvault.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's {@code Main-Class}. It is compiled with {@code --release 8} (its own compiler execution
 * in proxy-server's pom), so an older Java can load it: there it prints one line naming the Java
 * needed, instead of an {@code UnsupportedClassVersionError}, and exits with status 2. On a recent
 * enough Java it calls {@code io.modvault.server.Main} reflectively, since referring to that class
 * directly would make this one fail to load where it is needed most. Only Java 8 API here.
 */
public final class Launcher {
    /** The release the rest of modvault is compiled for ({@code maven.compiler.release}); a test checks them equal. */
    static final int REQUIRED_JAVA = 21;

    static final int EXIT_STATUS = 2;
    private static final String MAIN = "io.modvault.server.Main";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version", "0"));
        if (running < REQUIRED_JAVA) {
            System.err.println(tooOld(running, System.getProperty("java.home", "?")));
            System.exit(EXIT_STATUS);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release of a {@code java.specification.version}: {@code 1.8} is 8, {@code 17} is 17. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String tooOld(int running, String javaHome) {
        return "modvault needs Java " + REQUIRED_JAVA + " or newer, but this is Java " + running + " (" + javaHome
                + "): install Java " + REQUIRED_JAVA + "+ (e.g. openjdk-" + REQUIRED_JAVA
                + "-jre-headless) and start modvault with its bin/java";
    }
}
