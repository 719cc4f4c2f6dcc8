/** Upstream sources of module content: HTTP proxies, file:// trees and GOPROXY-style chains. */
package io.modvault.core.upstream;
