package io.modvault.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileTest {

    @Test
    void parsesAndPrintsTheXmodTilePaths() {
        assertRoundTrip("tile/4/0/001", new Tile(4, 0, 1, 16));
        assertRoundTrip("tile/4/0/001.p/5", new Tile(4, 0, 1, 5));
        assertRoundTrip("tile/3/5/x123/x456/078", new Tile(3, 5, 123456078, 8));
        assertRoundTrip("tile/3/5/x123/x456/078.p/2", new Tile(3, 5, 123456078, 2));
        assertRoundTrip("tile/1/0/x003/x057/500", new Tile(1, 0, 3057500, 2));
        assertRoundTrip("tile/1/data/x003/x057/500", new Tile(1, Tile.DATA, 3057500, 2));
    }

    @Test
    void printsHeightEightPathsLikeXmod() {
        assertThat(new Tile(8, 0, 0, 256).path()).isEqualTo("tile/8/0/000");
        assertThat(new Tile(8, 0, 0, 5).path()).isEqualTo("tile/8/0/000.p/5");
        assertThat(new Tile(8, 1, 0, 3).path()).isEqualTo("tile/8/1/000.p/3");
        assertThat(new Tile(8, 0, 1234, 256).path()).isEqualTo("tile/8/0/x001/234");
        assertThat(new Tile(8, 2, 1234567, 17).path()).isEqualTo("tile/8/2/x001/x234/567.p/17");
        assertThat(new Tile(8, -1, 1234, 256).path()).isEqualTo("tile/8/data/x001/234");
        assertThat(new Tile(8, -1, 7, 9).path()).isEqualTo("tile/8/data/007.p/9");
        assertThat(new Tile(8, 0, 999, 256).path()).isEqualTo("tile/8/0/999");
        assertThat(new Tile(8, 0, 1000, 256).path()).isEqualTo("tile/8/0/x001/000");
    }

    @Test
    void rejectsNonCanonicalPaths() {
        for (String bad : List.of(
                "tile/3/5/123/456/078",
                "tile/3/-1/123/456/078",
                "tile/8/0/000.p/256",
                "tile/8/0/000.p/0",
                "tile/8/0/0",
                "tile/8/0/x000/001",
                "tile/0/0/000",
                "tile/31/0/000",
                "tile/08/0/000",
                "tile/8/00/000",
                "tile/8/0/000.p/05",
                "tile/8/0/+01",
                "tile/8/0/000/",
                "tile/8/0",
                "tiles/8/0/000",
                "tile/8/0/000.p",
                "tile/8/data.p/5",
                "tile/8/0/x1000/000",
                "/tile/8/0/000",
                "tile/8/0/x999/x999/x999/x999/x999/x999/x999/000")) {
            assertThatThrownBy(() -> Tile.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void asksForTheWidthImpliedByTheTreeSize() {
        long size = 63096908;

        assertThat(Tile.forTreeSize(8, 0, 246471, size).path()).isEqualTo("tile/8/0/x246/471");
        assertThat(Tile.forTreeSize(8, 0, 246472, size).path()).isEqualTo("tile/8/0/x246/472.p/76");
        assertThat(Tile.forTreeSize(8, 1, 962, size).path()).isEqualTo("tile/8/1/962.p/200");
        assertThat(Tile.forTreeSize(8, 2, 3, size).path()).isEqualTo("tile/8/2/003.p/194");
        assertThat(Tile.forTreeSize(8, 3, 0, size).path()).isEqualTo("tile/8/3/000.p/3");
        assertThatThrownBy(() -> Tile.forTreeSize(8, 0, 246473, size)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tile.forTreeSize(8, 4, 0, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheSmallestTileHoldingAStoredHash() {
        assertThat(Tile.forStoredIndex(8, 0).path()).isEqualTo("tile/8/0/000.p/1");
        assertThat(Tile.forStoredIndex(8, 1).path()).isEqualTo("tile/8/0/000.p/2");
        assertThat(Tile.forStoredIndex(8, 2).path()).isEqualTo("tile/8/0/000.p/2");
        assertThat(Tile.forStoredIndex(8, 3).path()).isEqualTo("tile/8/0/000.p/3");
        assertThat(Tile.forStoredIndex(8, 511).path()).isEqualTo("tile/8/0/001.p/1");
        assertThat(Tile.forStoredIndex(8, 600).path()).isEqualTo("tile/8/0/001.p/48");
        assertThat(Tile.forStoredIndex(8, 1000000).path()).isEqualTo("tile/8/0/x001/953.p/37");
    }

    @Test
    void listsTheTilesAGrowingLogPublishes() {
        assertThat(paths(Tile.newTiles(8, 0, 1))).containsExactly("tile/8/0/000.p/1");
        assertThat(paths(Tile.newTiles(8, 0, 256))).containsExactly("tile/8/0/000", "tile/8/1/000.p/1");
        assertThat(paths(Tile.newTiles(8, 0, 257)))
                .containsExactly("tile/8/0/000", "tile/8/0/001.p/1", "tile/8/1/000.p/1");
        assertThat(paths(Tile.newTiles(8, 255, 300)))
                .containsExactly("tile/8/0/000", "tile/8/0/001.p/44", "tile/8/1/000.p/1");
        assertThat(paths(Tile.newTiles(8, 63096000, 63096908)))
                .containsExactly(
                        "tile/8/0/x246/468",
                        "tile/8/0/x246/469",
                        "tile/8/0/x246/470",
                        "tile/8/0/x246/471",
                        "tile/8/0/x246/472.p/76",
                        "tile/8/1/962.p/200");
        List<String> all = paths(Tile.newTiles(8, 0, 70000));
        assertThat(all)
                .hasSize(277)
                .startsWith("tile/8/0/000")
                .endsWith(
                        "tile/8/0/272", "tile/8/0/273.p/112", "tile/8/1/000", "tile/8/1/001.p/17", "tile/8/2/000.p/1");
    }

    @Test
    void countsNewTilesOfHeightTenLikeXmod() {
        long[][] cases = {
            {1, 1, 0},
            {100, 101, 1},
            {1023, 1025, 3},
            {1024, 1030, 1},
            {1030, 2000, 1},
            {1030, 10000, 10},
            {49516517, 49516586, 3}
        };

        for (long[] c : cases) {
            assertThat(Tile.newTiles(10, c[0], c[1]))
                    .as("NewTiles(10, %d, %d)", c[0], c[1])
                    .hasSize((int) c[2]);
        }
    }

    @Test
    void knowsItsFullTile() {
        Tile partial = Tile.parse("tile/8/0/x001/234.p/5");

        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.full().path()).isEqualTo("tile/8/0/x001/234");
        assertThat(partial.withLevel(Tile.DATA).path()).isEqualTo("tile/8/data/x001/234.p/5");
    }

    private static void assertRoundTrip(String path, Tile tile) {
        assertThat(Tile.parse(path)).isEqualTo(tile);
        assertThat(tile.path()).isEqualTo(path);
    }

    private static List<String> paths(List<Tile> tiles) {
        return tiles.stream().map(Tile::path).toList();
    }
}
