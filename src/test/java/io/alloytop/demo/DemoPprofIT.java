package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.RealPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real `go tool pprof` must read every profile the demo serves. */
class DemoPprofIT {
    @TempDir
    Path dir;

    @Test
    void goToolPprofReadsTheDemosProfiles() throws Exception {
        Path go = RealPrograms.require("go");
        DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withSleeper(clock::advance))) {
            String[][] cases = {{"profile?seconds=10", "cpu", "runtime.goexit"}, {"heap", "inuse_space", "wal.(*appender).Append"},
                    {"allocs", "alloc_space", "scrape.(*scrapeLoop).append"}, {"goroutine", "goroutine", "runtime.gopark"}, {"mutex", "delay", "sync.(*Mutex).Unlock"},
                    {"block", "delay", "runtime.selectgo"}};
            for (String[] c : cases) {
                Http.Reply r = Http.get(demo.baseUrl() + "/debug/pprof/" + c[0]);
                assertEquals(200, r.status(), c[0]);
                Path f = dir.resolve(c[1] + ".pb.gz");
                Files.write(f, r.body());
                Process p = new ProcessBuilder(go.toString(), "tool", "pprof", "-top", "-sample_index=" + c[1], f.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), c[0] + ": " + out);
                assertTrue(out.contains(c[2]), c[0] + " top mentions " + c[2] + ":\n" + out);
            }
        }
    }
}
