/** Routing decisions per module path: GOPRIVATE-style prefix patterns and the policies built on them. */
package io.modvault.core.policy;
