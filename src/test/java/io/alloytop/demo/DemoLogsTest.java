package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoLogsTest {
    static final Pattern LOGFMT = Pattern.compile(
            "ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z level=(debug|info|warn|error)( msg=(\"([^\"\\\\]|\\\\.)*\"|\\S+))?"
                    + "( [a-zA-Z_]+=(\"([^\"\\\\]|\\\\.)*\"|[^\\s\"=]+))*");
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    @Test
    void startSequenceComesFirstInAlloysOrder() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        List<String> lines = demo.logs().linesSince(Instant.EPOCH);
        int starting = indexOf(lines, "msg=\"Alloy is starting\"");
        int listening = indexOf(lines, "msg=\"now listening for http traffic\" service=http addr=127.0.0.1:" + demo.port());
        int running = indexOf(lines, "msg=\"{^_^} Alloy is running\"");
        assertTrue(starting >= 0 && starting < listening && listening < running, lines.toString());
        assertTrue(lines.get(starting).startsWith("ts=2026-11-22T09:00:00Z level=info "));
        assertTrue(lines.stream().anyMatch(l -> l.contains("level=error msg=\"failed to read file\" component_path=/ component_id=local.file.api_key "
                + "err=\"open /etc/alloy/secrets/api_key: no such file or directory\"")), "the failing local.file logs its error");
    }

    @Test
    void linesAreLogfmtAtARealisticPaceWithTheOddHostileOne() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        List<String> got = new CopyOnWriteArrayList<>();
        AutoCloseable sub = demo.logs().subscribe(got::add);
        for (int i = 0; i < 720; i++) {
            clock.advance(Duration.ofSeconds(10));
            demo.world().advance();
        }
        sub.close();
        List<String> all = demo.logs().linesSince(Instant.parse("2026-11-22T09:00:01Z"));
        assertEquals(all, got.subList(got.size() - all.size(), got.size()), "subscribers see the same lines");
        double perMinute = all.size() / 120.0;
        assertTrue(perMinute > 1 && perMinute < 30, "lines per minute: " + perMinute);
        long hostile = all.stream().filter(l -> l.indexOf('\u001b') >= 0).count();
        assertTrue(hostile >= 1, "at least one line carries raw escapes");
        for (String l : all) {
            if (l.indexOf('\u001b') >= 0) continue;
            assertTrue(LOGFMT.matcher(l).matches(), "not logfmt: " + l);
        }
        List<DemoLogs.Line> after = demo.logs().linesAfter(demo.logs().linesAfter(0).get(3).seq());
        assertEquals(demo.logs().linesAfter(0).size() - 4, after.size());
    }

    @Test
    void valuesAreQuotedLikeSlog() {
        assertEquals("plain", DemoLogs.value("plain"));
        assertEquals("\"\"", DemoLogs.value(""));
        assertEquals("\"two words\"", DemoLogs.value("two words"));
        assertEquals("\"a=b\"", DemoLogs.value("a=b"));
        assertEquals("\"say \\\"hi\\\"\"", DemoLogs.value("say \"hi\""));
        assertEquals("\"\\x1b[31m\"", DemoLogs.value("\u001b[31m"));
    }

    static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(fragment)) return i;
        return -1;
    }
}
