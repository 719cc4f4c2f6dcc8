/** What the store holds, read as module versions: the time-ordered list of stored versions that feeds follow. */
package io.modvault.core.catalog;
