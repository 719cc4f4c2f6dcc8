/** go.mod, go.sum and go.work files read as golang.org/x/mod/modfile and the go command read them. */
package io.modvault.core.gomod;
