package io.modvault.sumdb.note;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 note signer, parsed from {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>} or
 * freshly generated. Signing is what test checksum databases need; a proxy only verifies. The
 * private key never appears in {@link #toString()}.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifierKey verifierKey;

    private NoteSigner(String name, byte[] seed) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.verifierKey = VerifierKey.of(name, privateKey.generatePublicKey().getEncoded());
    }

    /** Parses a signer key; the declared hash must be the hash of the derived public key. */
    public static NoteSigner parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw malformed("must start with " + PREFIX);
        }
        String rest = skey.substring(PREFIX.length());
        int p1 = rest.indexOf('+');
        int p2 = p1 < 0 ? -1 : rest.indexOf('+', p1 + 1);
        if (p2 < 0) {
            throw malformed("expected PRIVATE+KEY+<name>+<hash>+<key>");
        }
        String name = rest.substring(0, p1);
        if (!NoteCodec.isValidName(name)) {
            throw malformed("invalid key name \"" + name + "\"");
        }
        int hash = NoteCodec.parseHash(rest.substring(p1 + 1, p2))
                .orElseThrow(() -> malformed("key hash must be exactly 8 hex digits"));
        byte[] key = NoteCodec.decodeBase64(rest.substring(p2 + 1))
                .orElseThrow(() -> malformed("key is not valid padded standard base64"));
        if (key.length == 0 || key[0] != NoteCodec.ALG_ED25519) {
            throw malformed("unknown key algorithm (only 0x01, Ed25519, is defined)");
        }
        if (key.length != 1 + NoteCodec.ED25519_KEY_SIZE) {
            throw malformed("Ed25519 seed must be 32 bytes, got " + (key.length - 1));
        }
        NoteSigner signer = new NoteSigner(name, Arrays.copyOfRange(key, 1, key.length));
        if (signer.keyHash() != hash) {
            throw malformed("key hash " + NoteCodec.hex8(hash) + " does not match the public key (computed "
                    + NoteCodec.hex8(signer.keyHash()) + ")");
        }
        return signer;
    }

    /** A new signer with a random seed. */
    public static NoteSigner generate(String name, SecureRandom random) {
        if (!NoteCodec.isValidName(name)) {
            throw new SumdbException(Reason.MALFORMED, "invalid key name \"" + name + "\"");
        }
        byte[] seed = new byte[NoteCodec.ED25519_KEY_SIZE];
        random.nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    private static SumdbException malformed(String why) {
        return new SumdbException(Reason.MALFORMED, "malformed signer key: " + why);
    }

    /** Signs {@code text} (which must end with a newline) and returns the complete note. */
    public byte[] sign(String text) {
        if (!text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new SumdbException(
                    Reason.MALFORMED, "malformed note: text must end with a newline and contain no control characters");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        byte[] sig = signer.generateSignature();
        byte[] hashAndSig = new byte[4 + sig.length];
        int hash = keyHash();
        for (int i = 0; i < 4; i++) {
            hashAndSig[i] = (byte) (hash >>> (24 - 8 * i));
        }
        System.arraycopy(sig, 0, hashAndSig, 4, sig.length);
        String line = "\n" + SignedNote.SIG_PREFIX + name() + " "
                + Base64.getEncoder().encodeToString(hashAndSig) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 128);
        out.writeBytes(message);
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public String name() {
        return verifierKey.name();
    }

    public int keyHash() {
        return verifierKey.keyHash();
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The {@code PRIVATE+KEY+…} form; treat it as a secret. */
    public String signerKey() {
        byte[] seed = VerifierKey.withAlgorithm(privateKey.getEncoded());
        return PREFIX + verifierKey.id() + "+" + Base64.getEncoder().encodeToString(seed);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey.id() + "]";
    }
}
