/** Following an index feed ({@code GET /index} of another modvault, or index.golang.org) with a remembered point, for {@code prewarm --feed}. */
package io.modvault.core.feed;
