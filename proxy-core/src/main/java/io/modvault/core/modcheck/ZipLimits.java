package io.modvault.core.modcheck;

/**
 * The size limits of a module zip: {@code maxZipFile} bounds both the zip file and the total
 * uncompressed size of its files, the others one file each. {@link #GO} holds x/mod's values
 * ({@code MaxZipFile}, {@code MaxGoMod}, {@code MaxLICENSE}); tests inject smaller ones.
 */
public record ZipLimits(long maxZipFile, long maxGoMod, long maxLicense) {
    public static final ZipLimits GO = new ZipLimits(500L << 20, 16L << 20, 16L << 20);

    public ZipLimits {
        if (maxZipFile < 0 || maxGoMod < 0 || maxLicense < 0) {
            throw new IllegalArgumentException("zip limits must not be negative");
        }
    }

    /** These limits with another bound on the zip file and its total uncompressed size. */
    public ZipLimits withMaxZipFile(long bytes) {
        return new ZipLimits(bytes, maxGoMod, maxLicense);
    }
}
