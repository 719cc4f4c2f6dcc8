package io.modvault.core.upstream;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.List;
import java.util.Locale;

/**
 * Answers the JDK client's proxy challenges (407) with the credentials written in
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}, and only for the proxy they were written for; origin
 * servers' challenges get nothing, so proxy credentials never reach an upstream. The JDK then
 * sends them preemptively on later requests to the same proxy.
 */
final class ProxyAuthenticator extends Authenticator {

    private final List<ProxyUrl> proxies;

    ProxyAuthenticator(List<ProxyUrl> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY || getRequestingHost() == null) {
            return null;
        }
        String host = getRequestingHost().toLowerCase(Locale.ROOT);
        for (ProxyUrl proxy : proxies) {
            if (proxy.host().toLowerCase(Locale.ROOT).equals(host) && proxy.port() == getRequestingPort()) {
                // A copy: the caller may clear the array it is given.
                return proxy.credentials()
                        .map(c -> new PasswordAuthentication(
                                c.getUserName(), c.getPassword().clone()))
                        .orElse(null);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ProxyAuthenticator" + proxies;
    }
}
