package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every HTTP quirk of facts §0–§2 and §10.1, checked against the demo over real sockets. */
class DemoRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static DemoAlloy demo;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"))));
        base = demo.baseUrl();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static JsonNode json(Http.Reply r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void listsRootComponentsAsTextPlainJsonInAlloysFieldOrder() throws Exception {
        Http.Reply r = Http.get(base + "/api/v0/web/components");
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertNull(r.header("Content-Encoding"));
        JsonNode list = json(r);
        assertTrue(list.isArray() && list.size() > 15, "root list has the realistic set");
        JsonNode first = list.get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "type", "localID", "moduleID", "label", "referencesTo", "referencedBy", "dataFlowEdgesTo",
                "health", "original", "arguments", "exports", "debugInfo", "liveDebuggingEnabled"), keys);
        JsonNode file = find(list, "local.file.api_key");
        assertEquals("unhealthy", file.at("/health/state").asText());
        assertEquals(BuiltinConfig.FAILING_FILE_MESSAGE, file.at("/health/message").asText());
        assertEquals("2026-11-22T09:00:00Z", file.at("/health/updatedTime").asText());
        for (JsonNode c : list) {
            assertEquals("block", c.get("type").asText());
            assertEquals("", c.get("moduleID").asText());
            assertEquals(0, c.get("arguments").size(), "list responses carry no arguments");
            assertEquals(c.get("name").asText() + "." + c.get("label").asText(), c.get("localID").asText());
        }
    }

    @Test
    void referencesAndEdgesAreConsistent() throws Exception {
        JsonNode list = json(Http.get(base + "/api/v0/web/components"));
        for (JsonNode c : list) {
            for (JsonNode ref : c.get("referencesTo")) {
                JsonNode target = find(list, ref.asText());
                assertTrue(contains(target.get("referencedBy"), c.get("localID").asText()), ref + " lists " + c.get("localID") + " in referencedBy");
            }
        }
        // Receiver exports point from the referencing component; plain exports from the exporter (facts §2.1).
        assertTrue(contains(find(list, "prometheus.scrape.self").get("dataFlowEdgesTo"), "prometheus.remote_write.grafana_cloud"));
        assertTrue(contains(find(list, "prometheus.exporter.unix.node").get("dataFlowEdgesTo"), "prometheus.scrape.self"));
        assertTrue(contains(find(list, "otelcol.receiver.otlp.default").get("dataFlowEdgesTo"), "otelcol.processor.batch.default"));
        assertTrue(contains(find(list, "otelcol.processor.batch.default").get("dataFlowEdgesTo"), "otelcol.exporter.otlp.grafana_cloud"));
    }

    @Test
    void gzipOnlyForAnExactTokenAndThenNoContentType() throws Exception {
        Http.Reply gz = Http.get(base + "/api/v0/web/components", "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.header("Content-Encoding"));
        assertNull(gz.header("Content-Type"), "Go sends no Content-Type for compressed API replies");
        assertTrue(JSON.readTree(gz.gunzipped()).isArray());

        assertEquals("gzip", Http.get(base + "/api/v0/web/components", "Accept-Encoding", "br, gzip").header("Content-Encoding"));
        Http.Reply q = Http.get(base + "/api/v0/web/components", "Accept-Encoding", "gzip;q=1");
        assertNull(q.header("Content-Encoding"), "gzip;q=1 is not the exact token");
        assertEquals("text/plain; charset=utf-8", q.header("Content-Type"));
        assertTrue(json(q).isArray());
    }

    @Test
    void walkingCreatedModuleIdsReachesEveryModule() throws Exception {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode c : json(Http.get(base + "/api/v0/web/components"))) {
            ids.add(c.get("localID").asText());
            c.path("createdModuleIDs").forEach(m -> todo.add(m.asText()));
        }
        while (!todo.isEmpty()) {
            String m = todo.poll();
            if (!seen.add(m)) continue;
            Http.Reply r = Http.get(base + "/api/v0/web/modules/" + m + "/components");
            assertEquals(200, r.status(), m);
            for (JsonNode c : json(r)) {
                assertEquals(m, c.get("moduleID").asText());
                ids.add(m + "/" + c.get("localID").asText());
                c.path("createdModuleIDs").forEach(x -> todo.add(x.asText()));
            }
        }
        assertEquals(Set.of("self_monitor.main", "foreach.hosts/foreach_web1_1", "foreach.hosts/foreach_web2_2", "foreach.hosts/foreach_db1_3"), seen);
        assertTrue(ids.contains("self_monitor.main/prometheus.scrape.inner"));
        assertTrue(ids.contains("foreach.hosts/foreach_web2_2/prometheus.scrape.host"));
        JsonNode foreachNode = find(json(Http.get(base + "/api/v0/web/components")), "foreach.hosts");
        assertEquals("foreach", foreachNode.get("name").asText());
    }

    @Test
    void detailSplitsTheIdAtTheLastSlashEncodedOrNot() throws Exception {
        Http.Reply r = Http.get(base + "/api/v0/web/components/foreach.hosts/foreach_web1_1/prometheus.scrape.host");
        assertEquals(200, r.status());
        JsonNode d = json(r);
        assertEquals("foreach.hosts/foreach_web1_1", d.get("moduleID").asText());
        assertEquals("prometheus.scrape.host", d.get("localID").asText());
        Http.Reply enc = Http.get(base + "/api/v0/web/components/self_monitor.main%2Fprometheus.scrape.inner");
        assertEquals(200, enc.status());
        assertEquals("self_monitor.main", json(enc).get("moduleID").asText());
    }

    @Test
    void detailCarriesAlloyJsonArgumentsExportsAndScrapeDebugInfo() throws Exception {
        JsonNode d = json(Http.get(base + "/api/v0/web/components/prometheus.scrape.self"));
        assertTrue(d.get("arguments").size() > 0);
        JsonNode forward = null;
        for (JsonNode s : d.get("arguments")) if (s.get("name").asText().equals("forward_to")) forward = s;
        assertEquals("attr", forward.get("type").asText());
        assertEquals("capsule", forward.at("/value/value/0/type").asText());
        assertEquals("prometheus.remote_write.grafana_cloud.receiver", forward.at("/value/value/0/value").asText());
        JsonNode target = d.get("debugInfo").get(0);
        assertEquals("target", target.get("name").asText());
        assertEquals("block", target.get("type").asText());
        assertEquals("up", attr(target, "health").at("/value/value").asText());
        assertNull(attr(target, "last_error"), "last_error only when set");

        JsonNode token = json(Http.get(base + "/api/v0/web/components/local.file.gcloud_token"));
        assertEquals("(secret)", token.at("/exports/0/value/value").asText());
        assertEquals("capsule", token.at("/exports/0/value/type").asText());
        JsonNode rw = json(Http.get(base + "/api/v0/web/components/prometheus.remote_write.grafana_cloud"));
        assertEquals("receiver", rw.at("/exports/0/name").asText());
        assertFalse(rw.toString().contains("password\",\"type\":\"attr\",\"value\":{\"type\":\"string\""), "passwords are never strings");
    }

    @Test
    void unknownIdsAndModulesAnswerLikeAlloy() throws Exception {
        Http.Reply nf = Http.get(base + "/api/v0/web/components/nope.nope");
        assertEquals(404, nf.status());
        assertEquals("404 page not found\n", nf.text());
        Http.Reply mod = Http.get(base + "/api/v0/web/modules/nope.x/components");
        assertEquals(500, mod.status());
        assertEquals("module not found\n", mod.text());
    }

    @Test
    void remoteConfigRoutes() throws Exception {
        JsonNode list = json(Http.get(base + "/api/v0/web/remotecfg/components"));
        assertEquals(3, list.size());
        for (JsonNode c : list) assertEquals("remotecfg", c.get("moduleID").asText());
        Http.Reply d = Http.get(base + "/api/v0/web/remotecfg/components/prometheus.scrape.fleet");
        assertEquals(200, d.status());
        assertEquals("remotecfg", json(d).get("moduleID").asText());
        assertEquals(404, Http.get(base + "/api/v0/web/components/remotecfg/prometheus.scrape.fleet").status(), "only via the remotecfg routes");
        assertEquals(500, Http.get(base + "/api/v0/web/modules/remotecfg/components").status());
    }

    @Test
    void peersListsTheLocalNodeWhenClusteringIsOff() throws Exception {
        JsonNode peers = json(Http.get(base + "/api/v0/web/peers"));
        assertEquals(1, peers.size());
        assertEquals("127.0.0.1:" + demo.port(), peers.get(0).get("addr").asText());
        assertTrue(peers.get(0).get("isSelf").asBoolean());
    }

    @Test
    void unknownPathsAndWrongMethodsFallBackToTheUiHtml() {
        for (String[] c : new String[][] {{"GET", "/api/v0/web/not-there"}, {"GET", "/some/ui/page"}, {"PUT", "/-/reload"},
                {"DELETE", "/-/reload"}, {"POST", "/-/support"}, {"GET", "/api/v0/web/graphql"}}) {
            Http.Reply r = Http.send(c[0], base + c[1]);
            assertEquals(200, r.status(), c[0] + " " + c[1]);
            assertTrue(r.text().startsWith("<"), "SPA fallback body");
            assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        }
        assertEquals(403, Http.get(base + "/-/support").status());
    }

    @Test
    void readyAndHealthy() {
        Http.Reply ready = Http.get(base + "/-/ready");
        assertEquals(200, ready.status());
        assertEquals("Alloy is ready.\n", ready.text());
        Http.Reply healthy = Http.get(base + "/-/healthy");
        assertEquals(500, healthy.status());
        assertEquals("unhealthy components: local.file\n", healthy.text(), "type names of root-module unhealthy components only");
    }

    @Test
    void liveDebuggingStreamsAreDisabledByDefault() {
        Http.Reply g = Http.get(base + "/api/v0/web/graph");
        assertEquals(500, g.status());
        assertTrue(g.text().startsWith("the live debugging service is disabled"));
        assertEquals(500, Http.get(base + "/api/v0/web/debug/prometheus.scrape.self").status());
    }

    static JsonNode find(JsonNode list, String localID) {
        for (JsonNode c : list) if (c.get("localID").asText().equals(localID)) return c;
        throw new AssertionError("no component " + localID);
    }

    static boolean contains(JsonNode array, String v) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) if (it.next().asText().equals(v)) return true;
        return false;
    }

    static JsonNode attr(JsonNode block, String name) {
        for (JsonNode s : block.get("body")) if (s.get("name").asText().equals(name)) return s;
        return null;
    }
}
