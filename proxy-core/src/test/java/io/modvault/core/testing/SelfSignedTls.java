package io.modvault.core.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for one subject alternative name ({@code ip:127.0.0.1},
 * {@code dns:git.example.test}), made once per name and test JVM with the JDK's own keytool (no
 * extra dependency), and the server and client TLS contexts built from it.
 */
public final class SelfSignedTls {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Map<String, SelfSignedTls> BY_SAN = new ConcurrentHashMap<>();
    private final KeyStore keyStore;

    private SelfSignedTls(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** The certificate for {@code san} in keytool's form, e.g. {@code ip:127.0.0.1} or {@code dns:host}. */
    public static SelfSignedTls forSan(String san) {
        return BY_SAN.computeIfAbsent(san, SelfSignedTls::generate);
    }

    public SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** Trusts exactly this certificate. */
    public SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("test", keyStore.getCertificate("test"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** The certificate in PEM, for a CA file ({@code MODVAULT_CA_FILE}, git's {@code http.sslCAInfo}). */
    public String certificatePem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
                        .encodeToString(keyStore.getCertificate("test").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static SelfSignedTls generate(String san) {
        try {
            Path dir = Files.createTempDirectory("modvault-tls");
            Path file = dir.resolve("test.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            String cn = san.substring(san.indexOf(':') + 1);
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "test",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=" + cn,
                            "-ext",
                            "san=" + san,
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            "changeit",
                            "-keypass",
                            "changeit"))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                loaded.load(in, PASSWORD);
            }
            Files.delete(file);
            Files.delete(dir);
            return new SelfSignedTls(loaded);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate for " + san, e);
        }
    }
}
