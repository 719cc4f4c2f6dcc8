package io.modvault.core.fetch;

/** The content types modvault answers with; the HTTP layer owns the header spelling. */
public enum MediaType {
    JSON("application/json"),
    TEXT("text/plain; charset=utf-8"),
    ZIP("application/zip"),
    OCTETS("application/octet-stream");

    private final String header;

    MediaType(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
