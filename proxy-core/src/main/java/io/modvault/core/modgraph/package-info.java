/** The module graph of a go.mod or go.work as the go command builds it: requirements loaded in parallel, pruning, replace, exclude, and minimal version selection. */
package io.modvault.core.modgraph;
