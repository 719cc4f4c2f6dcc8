package io.modvault.core.upstream;

/**
 * The JDK refuses to send Basic credentials on a {@code CONNECT} to an HTTP proxy unless
 * {@code jdk.http.auth.tunneling.disabledSchemes} says otherwise, and reads that property once,
 * when its HTTP client is first used. The go command sends them (the proxy connection is as
 * exposed as the proxy URL itself), so the server lifts the restriction at start-up, before any
 * client exists; an operator's own {@code -Djdk.http.auth.tunneling.disabledSchemes=…} wins.
 */
public final class ProxyTunnelling {
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyTunnelling() {}

    /** Lets the JDK client answer a CONNECT's 407 with Basic; call before any HTTP client is built. */
    public static void allowBasicCredentials() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "");
        }
    }
}
