package io.modvault.sumdb.note;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A note verifier key {@code <name>+<8 hex key hash>+<base64(0x01 || Ed25519 public key)>}, the
 * form of {@code GOSUMDB} keys such as {@code sum.golang.org+033de0ae+Ac4z…}. Parsing checks every
 * part and recomputes the key hash, so a key that parses is exactly the key its owner published.
 */
public final class VerifierKey {

    private final String name;
    private final int keyHash;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters params;

    private VerifierKey(String name, int keyHash, byte[] publicKey, Ed25519PublicKeyParameters params) {
        this.name = name;
        this.keyHash = keyHash;
        this.publicKey = publicKey;
        this.params = params;
    }

    /** Parses {@code name+hash+base64key}; {@link Reason#MALFORMED} names the part that is wrong. */
    public static VerifierKey parse(String vkey) {
        int p1 = vkey.indexOf('+');
        int p2 = p1 < 0 ? -1 : vkey.indexOf('+', p1 + 1);
        if (p2 < 0) {
            throw malformed(vkey, "expected <name>+<hash>+<key>");
        }
        String name = vkey.substring(0, p1);
        if (!NoteCodec.isValidName(name)) {
            throw malformed(vkey, "invalid key name \"" + name + "\"");
        }
        int hash = NoteCodec.parseHash(vkey.substring(p1 + 1, p2))
                .orElseThrow(() -> malformed(vkey, "key hash must be exactly 8 hex digits"));
        byte[] key = NoteCodec.decodeBase64(vkey.substring(p2 + 1))
                .orElseThrow(() -> malformed(vkey, "key is not valid padded standard base64"));
        if (key.length == 0) {
            throw malformed(vkey, "key is empty");
        }
        int computed = NoteCodec.keyHash(name, key);
        if (computed != hash) {
            throw malformed(
                    vkey,
                    "key hash " + NoteCodec.hex8(hash) + " does not match the key (computed " + NoteCodec.hex8(computed)
                            + ")");
        }
        if (key[0] != NoteCodec.ALG_ED25519) {
            throw malformed(
                    vkey, String.format("unknown key algorithm 0x%02x (only 0x01, Ed25519, is defined)", key[0]));
        }
        return of(name, Arrays.copyOfRange(key, 1, key.length), vkey);
    }

    /** The verifier key for a raw 32-byte Ed25519 public key. */
    public static VerifierKey of(String name, byte[] ed25519PublicKey) {
        if (!NoteCodec.isValidName(name)) {
            throw new SumdbException(Reason.MALFORMED, "invalid key name \"" + name + "\"");
        }
        byte[] key = ed25519PublicKey.clone();
        return of(name, key, name + "+…");
    }

    private static VerifierKey of(String name, byte[] rawKey, String shownAs) {
        if (rawKey.length != NoteCodec.ED25519_KEY_SIZE) {
            throw malformed(shownAs, "Ed25519 key must be 32 bytes, got " + rawKey.length);
        }
        try {
            Ed25519PublicKeyParameters params = new Ed25519PublicKeyParameters(rawKey, 0);
            return new VerifierKey(name, NoteCodec.keyHash(name, withAlgorithm(rawKey)), rawKey, params);
        } catch (IllegalArgumentException e) {
            throw malformed(shownAs, "not a valid Ed25519 public key");
        }
    }

    static byte[] withAlgorithm(byte[] rawKey) {
        byte[] out = new byte[rawKey.length + 1];
        out[0] = NoteCodec.ALG_ED25519;
        System.arraycopy(rawKey, 0, out, 1, rawKey.length);
        return out;
    }

    private static SumdbException malformed(String vkey, String why) {
        return new SumdbException(Reason.MALFORMED, "malformed verifier key \"" + vkey + "\": " + why);
    }

    /** True if {@code signature} is a valid Ed25519 signature of {@code message} under this key. */
    public boolean verify(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, params);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    public String name() {
        return name;
    }

    public int keyHash() {
        return keyHash;
    }

    /** {@code name+hash}, how notes and error messages identify the key. */
    public String id() {
        return NoteCodec.keyId(name, keyHash);
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The canonical {@code name+hash+base64key} form, accepted by the {@code go} command in GOSUMDB. */
    public String format() {
        return id() + "+" + Base64.getEncoder().encodeToString(withAlgorithm(publicKey));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && k.name.equals(name) && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return format();
    }
}
