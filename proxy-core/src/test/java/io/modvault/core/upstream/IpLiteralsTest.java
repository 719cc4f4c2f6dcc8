package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IP literal parsing with Go's net.ParseIP rules and no DNS. */
class IpLiteralsTest {

    @Test
    void parsesDottedQuadsStrictly() {
        assertThat(IpLiterals.parse("192.168.0.1"))
                .hasValueSatisfying(ip -> assertThat(ip).containsExactly(192, 168, 0, 1));
        for (String bad :
                new String[] {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "", "1..2.3"}) {
            assertThat(IpLiterals.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void parsesIpv6AndMapsIpv4MappedAddressesToIpv4() {
        assertThat(IpLiterals.parse("2001:db8::1"))
                .hasValueSatisfying(ip -> assertThat(ip).hasSize(16));
        assertThat(IpLiterals.parse("::ffff:10.0.0.1"))
                .hasValueSatisfying(ip -> assertThat(ip).containsExactly(10, 0, 0, 1));
        assertThat(IpLiterals.parse("fe80::1%eth0")).isEmpty();
        assertThat(IpLiterals.parse("not:an:ip:zz")).isEmpty();
        assertThat(IpLiterals.parse("example.com")).isEmpty();
    }

    @Test
    void recognisesLoopback() {
        assertThat(IpLiterals.isLoopback(IpLiterals.parse("127.0.0.1").orElseThrow()))
                .isTrue();
        assertThat(IpLiterals.isLoopback(IpLiterals.parse("127.255.0.9").orElseThrow()))
                .isTrue();
        assertThat(IpLiterals.isLoopback(IpLiterals.parse("::1").orElseThrow())).isTrue();
        assertThat(IpLiterals.isLoopback(IpLiterals.parse("::2").orElseThrow())).isFalse();
        assertThat(IpLiterals.isLoopback(IpLiterals.parse("10.0.0.1").orElseThrow()))
                .isFalse();
    }
}
