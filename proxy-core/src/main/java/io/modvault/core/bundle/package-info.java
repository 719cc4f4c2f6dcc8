/** Air-gap bundles: one tar file carrying verified modules and the checksum-database data that proves them. */
package io.modvault.core.bundle;
