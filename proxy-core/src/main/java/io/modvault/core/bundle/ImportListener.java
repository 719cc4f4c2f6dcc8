package io.modvault.core.bundle;

/** Hears each file of an import as it is decided, for progress lines; the default hears nothing. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {};

    default void stored(String name) {}

    default void present(String name) {}

    default void failed(String name, String reason) {}
}
