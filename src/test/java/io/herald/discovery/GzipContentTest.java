package io.herald.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipContentTest {

    @Test
    void recognisesGzipByMagicBytesOnly() {
        assertThat(GzipContent.isGzip(Fixtures.bytes("urlset.xml.gz"))).isTrue();
        assertThat(GzipContent.isGzip(Fixtures.bytes("urlset.xml"))).isFalse();
        assertThat(GzipContent.isGzip(new byte[] {0x1F})).isFalse();
    }

    @Test
    void inflatesUpToTheCapAndRefusesBeyondIt() throws IOException {
        byte[] bomb = gzip(new byte[10_000]);

        assertThat(GzipContent.gunzip(bomb, 10_000)).hasSize(10_000);
        assertThatThrownBy(() -> GzipContent.gunzip(bomb, 9_999))
                .isInstanceOf(IOException.class).hasMessageContaining("9999");
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
