/** The system {@code git} run as modfetch/codehost runs it (user credential helpers, SSH, insteadOf keep working): commands, mirrors, sync. */
package io.modvault.core.vcs.git;
