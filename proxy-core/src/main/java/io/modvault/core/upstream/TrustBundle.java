package io.modvault.core.upstream;

import io.modvault.core.storage.LocalErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The JVM's default trusted certificates plus those of a PEM bundle ({@code MODVAULT_CA_FILE}):
 * a corporate CA is added to the public ones, never put in their place, so proxy.golang.org stays
 * trusted beside an internal registry. {@link #pem()} writes the same set for git, whose
 * {@code http.sslCAInfo} replaces its defaults rather than adding to them.
 */
public final class TrustBundle {
    private final List<X509Certificate> certificates;
    private final int added;

    private TrustBundle(List<X509Certificate> certificates, int added) {
        this.certificates = List.copyOf(certificates);
        this.added = added;
    }

    /**
     * The defaults plus every certificate in {@code pemFile}.
     *
     * @throws IllegalArgumentException if the file cannot be read or holds no certificate
     */
    public static TrustBundle withFile(Path pemFile) {
        List<X509Certificate> extra = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pemFile)) {
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                extra.add((X509Certificate) certificate);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pemFile + ": " + LocalErrors.describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " is not a PEM certificate bundle: " + e.getMessage(), e);
        }
        if (extra.isEmpty()) {
            throw new IllegalArgumentException(pemFile + " holds no PEM certificate");
        }
        List<X509Certificate> all =
                new ArrayList<>(List.of(defaultTrustManager().getAcceptedIssuers()));
        all.addAll(extra);
        return new TrustBundle(all, extra.size());
    }

    /** How many certificates the file added to the defaults. */
    public int added() {
        return added;
    }

    /** A TLS context trusting the defaults and the file's certificates. */
    public SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context from trusted certificates", e);
        }
    }

    /** Every trusted certificate as one PEM text. */
    public String pem() {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return out.toString();
    }

    private static X509TrustManager defaultTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JVM's default trusted certificates", e);
        }
    }

    @Override
    public String toString() {
        return "TrustBundle[" + certificates.size() + " certificates, " + added + " added]";
    }
}
