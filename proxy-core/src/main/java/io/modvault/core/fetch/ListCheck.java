package io.modvault.core.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code @v/list} answer must be UTF-8 text; its lines are passed through untouched because
 * the go command itself filters and sorts them (and reads an optional timestamp field).
 */
final class ListCheck {
    private ListCheck() {}

    static Optional<String> problem(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("version list is not UTF-8 text");
        }
    }
}
