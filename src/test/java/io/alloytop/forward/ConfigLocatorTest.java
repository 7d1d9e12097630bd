package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
    @TempDir
    Path root;

    private Path proc(long pid, String comm, String... argv) throws IOException {
        Path p = Files.createDirectories(root.resolve("proc").resolve(Long.toString(pid)));
        Files.writeString(p.resolve("comm"), comm + "\n");
        Files.write(p.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes());
        return p;
    }

    @Test
    void explicitPathWins() throws IOException {
        Path cfg = Files.writeString(root.resolve("mine.alloy"), "");
        ConfigLocation loc = new ConfigLocator(root).locate(cfg).orNull();
        assertEquals(cfg, loc.path());
        assertEquals("--config-path", loc.foundBy());
    }

    @Test
    void runningAlloysCommandLineIsNext() throws IOException {
        Path dir = Files.createDirectories(root.resolve("etc/alloy/conf.d"));
        proc(1, "systemd", "/sbin/init");
        Path p = proc(4242, "alloy", "/usr/bin/alloy", "run", "--storage.path=/var/lib/alloy/data",
                "--server.http.listen-addr", "127.0.0.1:9999", dir.toString());
        Files.writeString(p.resolve("environ"), "HOSTNAME=h\0GCLOUD_RW_API_KEY=x\0");
        Files.writeString(p.resolve("status"), "Name:\talloy\nUid:\t998\t998\t998\t998\n");
        ConfigLocation loc = new ConfigLocator(root).locate(null).orNull();
        assertEquals(dir, loc.path());
        assertTrue(loc.directory());
        assertEquals("the command line of alloy (pid 4242)", loc.foundBy());
        AlloyProcess ap = AlloyProcess.find(root.resolve("proc")).get(0);
        assertEquals("127.0.0.1:9999", ap.listenAddress().orElseThrow());
        assertEquals(Map.of("HOSTNAME", "h", "GCLOUD_RW_API_KEY", "x"), ap.environment().orElseThrow());
        assertEquals(998, ap.uid().orElseThrow());
    }

    @Test
    void alloyWithoutRunIsIgnoredAndEnvFileIsUsed() throws IOException {
        proc(7, "alloy", "/usr/bin/alloy", "fmt", "/x.alloy");
        Files.createDirectories(root.resolve("etc/default"));
        Files.writeString(root.resolve("etc/default/alloy"), "## comment\nCONFIG_FILE=\"/etc/alloy/other.alloy\"\nCUSTOM_ARGS=\"\"\n");
        Files.createDirectories(root.resolve("etc/alloy"));
        Files.writeString(root.resolve("etc/alloy/other.alloy"), "");
        ConfigLocation loc = new ConfigLocator(root).locate(null).orNull();
        assertEquals(root.resolve("etc/alloy/other.alloy"), loc.path());
        assertEquals("CONFIG_FILE in /etc/default/alloy", loc.foundBy());
    }

    @Test
    void sysconfigThenDefault() throws IOException {
        Files.createDirectories(root.resolve("etc/alloy"));
        Files.writeString(root.resolve("etc/alloy/config.alloy"), "");
        ConfigLocation loc = new ConfigLocator(root).locate(null).orNull();
        assertEquals(root.resolve("etc/alloy/config.alloy"), loc.path());
        assertEquals("the packaged default path", loc.foundBy());

        Files.createDirectories(root.resolve("etc/sysconfig"));
        Files.writeString(root.resolve("etc/sysconfig/alloy"), "CONFIG_FILE=/etc/alloy/rpm.alloy\n");
        Files.writeString(root.resolve("etc/alloy/rpm.alloy"), "");
        assertEquals(root.resolve("etc/alloy/rpm.alloy"), new ConfigLocator(root).locate(null).orNull().path());
    }

    @Test
    void missingConfigIsAnErrorValue() {
        assertFalse(new ConfigLocator(root).locate(null).isOk());
        assertTrue(new ConfigLocator(root).locate(null).failureOrNull().message().contains("does not exist"));
    }
}
