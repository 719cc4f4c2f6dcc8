package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class HostileZipsTest {

    @Test
    void bombInflatesToTheRequestedNumberOfMebibytesOfZeros() throws DataFormatException {
        HostileZips.Entry bomb = HostileZips.bomb("m@v1.0.0/bomb", 4, 1000);
        Inflater inflater = new Inflater(true);
        inflater.setInput(bomb.data());
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        boolean allZero = true;
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            for (int i = 0; i < n; i++) {
                allZero &= buffer[i] == 0;
            }
            total += n;
        }
        inflater.end();
        assertThat(total).isEqualTo(4L << 20);
        assertThat(allZero).isTrue();
        assertThat(bomb.declaredSize()).isEqualTo(1000);
    }
}
