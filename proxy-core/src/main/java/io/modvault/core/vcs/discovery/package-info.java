/** A module path's repository found as cmd/go/internal/vcs finds it: known hosting sites, {@code ?go-get=1} pages and their go-import meta tags. */
package io.modvault.core.vcs.discovery;
