/** The part of Go's encoding/xml (non-strict RawToken) that go-get discovery reads pages with, ported for byte-for-byte parity. */
package io.modvault.core.vcs.discovery.xml;
