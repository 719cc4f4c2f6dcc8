package io.modvault.sumdb.tlog;

import static io.modvault.sumdb.tlog.MemoryTree.hex;
import static io.modvault.sumdb.tlog.MemoryTree.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HashesTest {

    /** RFC 6962 reference leaves (transparency-dev/merkle testonly/constants.go). */
    static final String[] RFC_LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };

    static final String[] RFC_ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    static MemoryTree rfcTree() {
        return MemoryTree.of(8, i -> unhex(RFC_LEAVES[(int) i]));
    }

    @Test
    void hashesARecordWithTheLeafPrefix() {
        byte[] hash = Hashes.recordHash("hello world".getBytes(StandardCharsets.US_ASCII));

        assertThat(Base64.getEncoder().encodeToString(hash)).isEqualTo("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
    }

    @Test
    void emptyTreeHashIsTheSha256OfNothing() {
        assertThat(hex(Hashes.emptyTreeHash())).isEqualTo(RFC_ROOTS[0]);
    }

    @Test
    void reproducesTheRfc6962ReferenceRoots() {
        MemoryTree tree = rfcTree();

        for (int n = 0; n <= 8; n++) {
            assertThat(hex(tree.root(n))).as("size %d", n).isEqualTo(RFC_ROOTS[n]);
        }
    }

    @Test
    void splitsAtTheLargestPowerOfTwoStrictlyBelow() {
        assertThat(Hashes.maxPow2Below(2)).isEqualTo(1);
        assertThat(Hashes.maxPow2Below(3)).isEqualTo(2);
        assertThat(Hashes.maxPow2Below(4)).isEqualTo(2);
        assertThat(Hashes.maxPow2Below(5)).isEqualTo(4);
        assertThat(Hashes.maxPow2Below(70001)).isEqualTo(65536);
    }

    @Test
    void storedHashesOfTheReferenceTreeMatchXmod() {
        MemoryTree tree = rfcTree();
        String[] stored = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        };

        assertThat(StoredHashes.count(8)).isEqualTo(stored.length);
        for (int i = 0; i < stored.length; i++) {
            int level = StoredHashes.levelOf(i);
            long n = StoredHashes.indexInLevelOf(i);
            assertThat(StoredHashes.index(level, n)).isEqualTo(i);
            assertThat(hex(tree.rangeHash(n << level, (n + 1) << level)))
                    .as("stored[%d]", i)
                    .isEqualTo(stored[i]);
        }
    }

    @Test
    void reproducesTheLeafTreeRootsOfXmodTestTree() {
        MemoryTree tree = MemoryTree.ofAscii(300, i -> "leaf " + i);
        String[][] roots = {
            {"1", "G7l9zCFjXUfiZj79/QoXRobZjdcBNS3SzQbotD/T0wU="},
            {"2", "/F9riP+FVPdbsvnm85wxsZNtRLaSdu33sSBalVuXYeM="},
            {"3", "1Pksj7uJcg6ztVZ3x9fvrd/rENEaGoSguo8aIzN/qpU="},
            {"7", "WmH8K1T5z6cXdPJDIUPdQMbLKxGUf69lp9PaXLZRmcg="},
            {"8", "xcLIIO00L92ozolra5z1uMAKIcxLIHFMxuXTwFw1JAs="},
            {"256", "z17/2xHQknou31Ow5zx4N/ZZQU4AU32l2Q61xMSf8nQ="},
            {"257", "hVuTaqAMuYtRFEhCSa0514pr6TYj4mwB6OSH3AIYSlo="},
            {"300", "56/ILTiUT8eTBUUygJHUWCMojB9zTL2sBjlnE+vUtdU="}
        };

        for (String[] row : roots) {
            assertThat(Base64.getEncoder().encodeToString(tree.root(Long.parseLong(row[0]))))
                    .as("size %s", row[0])
                    .isEqualTo(row[1]);
        }
    }
}
