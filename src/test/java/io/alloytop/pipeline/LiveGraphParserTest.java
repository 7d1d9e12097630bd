package io.alloytop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveGraphParserTest {
    private static boolean feed(LiveGraphParser p, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return p.feed(b, 0, b.length);
    }

    @Test
    void windowsSplitAcrossReadsAreJoinedAndSummedPerEdge() throws IOException {
        LiveGraphParser p = new LiveGraphParser("");
        assertFalse(feed(p, "[{\"componentID\":\"prometheus.scrape.default\",\"targetComponentIDs\":[\"prometheus.remote_write.d\"],"));
        assertTrue(feed(p, "\"type\":\"prometheus_metric\",\"rate\":120.5},"
                + "{\"componentID\":\"prometheus.scrape.default\",\"targetComponentIDs\":[\"prometheus.remote_write.d\"],\"type\":\"target\",\"rate\":2},"
                + "{\"componentID\":\"discovery.kubernetes.pods\",\"targetComponentIDs\":null,\"type\":\"target\",\"rate\":3}]|;|[]|"));
        assertEquals(Map.of("prometheus.scrape.default->prometheus.remote_write.d", 122.5), p.edgeRates());
        assertTrue(feed(p, ";|"));
        assertEquals(Map.of(), p.edgeRates(), "an empty window means nothing flowed");
    }

    @Test
    void moduleStreamsGetGlobalIds() throws IOException {
        LiveGraphParser p = new LiveGraphParser("self_monitor.main");
        feed(p, "[{\"componentID\":\"loki.process.a\",\"targetComponentIDs\":[\"loki.write.b\"],\"type\":\"loki_log\",\"rate\":1}]|;|");
        assertEquals(Map.of("self_monitor.main/loki.process.a->self_monitor.main/loki.write.b", 1.0), p.edgeRates());
    }

    @Test
    void garbageIsAnErrorNotACrash() {
        LiveGraphParser p = new LiveGraphParser("");
        IOException e = assertThrows(IOException.class, () -> feed(p, "<html>|;|"));
        assertTrue(e.getMessage().startsWith("live graph window is not JSON"), e.getMessage());
    }
}
