package io.modvault.sumdb.dirhash;

import java.io.IOException;
import java.io.InputStream;

/** Opens the content of one named file for {@link DirHash#hash1}; the stream is closed by the caller. */
@FunctionalInterface
public interface ContentOpener {

    InputStream open(String name) throws IOException;
}
