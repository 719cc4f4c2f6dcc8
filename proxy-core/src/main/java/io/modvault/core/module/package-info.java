/** Go module paths, versions, pseudo-versions and file paths, with the exact rules of golang.org/x/mod. */
package io.modvault.core.module;
