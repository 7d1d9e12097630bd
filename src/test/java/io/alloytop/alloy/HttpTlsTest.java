package io.alloytop.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpTlsTest {
    @Test
    void onlyAnHttpsUrlIsHttps() {
        assertTrue(HttpTls.isHttps("https://alloy:12345"));
        assertTrue(HttpTls.isHttps(" HTTPS://alloy"));
        assertFalse(HttpTls.isHttps("http://127.0.0.1:12345"));
        assertFalse(HttpTls.isHttps("127.0.0.1:12345"));
        assertFalse(HttpTls.isHttps(null));
    }

    @Test
    void plainHttpNeverBuildsTrust() {
        OkHttpClient c = HttpTls.use(new OkHttpClient.Builder(), null, false).build();
        assertEquals(List.of(ConnectionSpec.CLEARTEXT), c.connectionSpecs());
        OkHttpClient tls = HttpTls.use(new OkHttpClient.Builder(), null, true).build();
        assertTrue(tls.connectionSpecs().contains(ConnectionSpec.MODERN_TLS));
    }
}
