/** Credentials for repository hosts (MODVAULT_GIT_CREDENTIALS and netrc, as the go command reads netrc), offered to git and to go-get discovery. */
package io.modvault.core.vcs.auth;
