package io.alloytop.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.cli.Main;
import io.alloytop.cli.ManPage;
import io.alloytop.testing.RealPrograms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the release tarball with dist/build.sh (or reuses the one this build already made from the
 * same jar), unpacks it, and runs it as a host without Java would.
 */
class BundleIT {
    private static final long MAX_TARBALL_BYTES = 40_000_000L;

    private static Path tarball;
    private static BundleSandbox box;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        for (String tool : List.of("bash", "tar", "gzip")) RealPrograms.require(tool);
        Path repo = Path.of("").toAbsolutePath();
        Path jar = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar must be built first: " + jar);
        Path out = repo.resolve("target/dist");
        tarball = findTarball(out, jar);
        if (tarball == null) {
            Path log = Files.createDirectories(repo.resolve("target")).resolve("bundle-build.log");
            ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("dist/build.sh").toString(),
                    "--jar", jar.toString(), "--out", out.toString());
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "dist/build.sh timed out");
            assertEquals(0, p.exitValue(), () -> "dist/build.sh failed:\n" + read(log));
            tarball = findTarball(out, jar);
            assertTrue(tarball != null, "dist/build.sh wrote no tarball into " + out);
        }

        // Unpacked under target/, never /tmp: the sandbox mounts an empty tmpfs over /tmp.
        Path work = repo.resolve("target/bundle-it");
        BundleSandbox.deleteTree(work);
        Path unpacked = Files.createDirectories(work.resolve("unpacked"));
        exec(List.of("tar", "-C", unpacked.toString(), "-xzf", tarball.toString()));
        Path home;
        try (Stream<Path> s = Files.list(unpacked)) {
            home = s.findFirst().orElseThrow();
        }
        box = new BundleSandbox(home, work);
        System.out.println("BundleIT: " + tarball.getFileName() + " in sandbox: " + box.mode());
    }

    @Test
    void runsWithoutJavaOnThePath() throws Exception {
        BundleSandbox.Result which = box.run(Map.of(), List.of("/bin/sh", "-c",
                "command -v java || echo no-java; echo \"JAVA_HOME=${JAVA_HOME:-unset}\""));
        assertEquals("no-java\nJAVA_HOME=unset\n", which.out(), which::describe);

        BundleSandbox.Result help = box.alloytop(Map.of(), "--help");
        assertEquals(0, help.exit(), help::describe);
        assertTrue(help.out().startsWith("Usage: alloytop"), help::describe);
        assertTrue(help.tmpEntries().isEmpty(), () -> "wrote to the temp dir: " + help.tmpEntries());
    }

    @Test
    void checkReportsOnTheEmbeddedDemoAsJson() throws Exception {
        BundleSandbox.Result r = box.alloytop(Map.of(), "check", "--demo", "--output", "json", "--cpu-sample", "0");
        assertCheckJson(r, null);
        assertTrue(r.tmpEntries().isEmpty(), () -> "wrote to the temp dir: " + r.tmpEntries());
    }

    @Test
    void launcherCapsGlibcArenasUnlessTheUserChose() throws Exception {
        assertEquals("2", keyValues(probe(Map.of()).out()).get("mallocArenaMax"));
        assertEquals("8", keyValues(probe(Map.of("MALLOC_ARENA_MAX", "8")).out()).get("mallocArenaMax"));
    }

    @Test
    void checkReportsOnASeparatelyStartedDemoServer() throws Exception {
        int port = io.alloytop.testing.Ports.free();
        Path log = box.bundle.getParent().getParent().resolve("demo-server.log");
        ProcessBuilder pb = new ProcessBuilder(box.bundle.resolve("bin/alloytop").toString(),
                "demo-server", "--port", Integer.toString(port));
        pb.environment().keySet().removeIf(k -> k.equals("JAVA_HOME"));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = pb.start();
        try {
            String url = "http://127.0.0.1:" + port;
            awaitReady(url, server, log);
            BundleSandbox.Result r = box.alloytop(Map.of(), "check", "--url", url, "--output", "json",
                    "--cpu-sample", "0");
            assertCheckJson(r, url);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static void assertCheckJson(BundleSandbox.Result r, String url) throws IOException {
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(r.exit(), doc.path("exitCode").asInt(-1), r::describe);
        // the demo simulates one failing component on purpose, so "degraded" is as valid as "ok"
        assertTrue(List.of("ok", "degraded").contains(doc.path("status").asText()), r::describe);
        assertTrue(doc.at("/alloy/version").asText().startsWith("v"), r::describe);
        assertTrue(doc.at("/alloy/ready").asBoolean(), r::describe);
        if (url != null) assertEquals(url, doc.path("target").asText(), r::describe);
    }

    private static void awaitReady(String url, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), () -> "demo-server exited:\n" + read(log));
            try {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url + "/-/ready").openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(1000);
                if (c.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("demo-server not ready at " + url + ":\n" + read(log));
    }

    @Test
    void versionMatchesTheJarItWasBuiltFrom() throws Exception {
        BundleSandbox.Result v = box.alloytop(Map.of(), "--version");
        assertEquals(0, v.exit(), v::describe);
        assertTrue(v.out().strip().matches("alloytop \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,}\\)"), v::describe);
        String fromJar = exec(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar")).toString(), "--version"));
        assertEquals(fromJar.strip(), v.out().strip());
    }

    @Test
    void jlineNativeLibraryLoadsFromTheBundleNotFromTmp() throws Exception {
        BundleSandbox.Result r = probe(Map.of());
        Map<String, String> kv = keyValues(r.out());
        assertEquals("true", kv.get("jline.loaded"), r::describe);
        assertTrue(kv.get("jline.path").startsWith(box.bundle.resolve("lib/native/").toString()), r::describe);
        assertEquals(box.bundle.resolve("runtime").toString(), kv.get("java.home"), r::describe);
        assertTrue(r.tmpEntries().isEmpty(), () -> "wrote to the temp dir: " + r.tmpEntries());
    }

    @Test
    void jlineOpensTheRealTerminalThroughJniInTmux() throws Exception {
        Path tmux = RealPrograms.require("tmux");
        Path work = box.bundle.getParent().getParent();
        Path result = work.resolve("terminal-probe.txt");
        Files.deleteIfExists(result);
        List<String> cmd = box.commandLine(
                Map.of("TERM", "xterm-256color", "ALLOYTOP_JAVA_OPTS", probeOpts(TerminalProbe.class)),
                List.of(box.bundle.resolve("bin/alloytop").toString(), result.toString()));
        Path script = work.resolve("terminal-probe.sh");
        StringBuilder sh = new StringBuilder("#!/bin/sh\nexport BUNDLE='" + box.bundle + "'\nexec");
        for (String arg : cmd) sh.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        Files.writeString(script, sh.append('\n').toString());
        String session = "alloytop-bundleit-" + ProcessHandle.current().pid();
        exec(List.of(tmux.toString(), "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh " + script));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(result) && System.nanoTime() < deadline) Thread.sleep(100);
        } finally {
            new ProcessBuilder(tmux.toString(), "kill-session", "-t", session).start().waitFor(5, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(result), "the probe never reported");
        Map<String, String> kv = keyValues(Files.readString(result));
        assertEquals("jni", kv.get("provider"), kv::toString);
        assertEquals("100x30", kv.get("size"), kv::toString);
        assertTrue(kv.get("native").startsWith(box.bundle.resolve("lib/native/").toString()), kv::toString);
    }

    @Test
    void launcherMakesTheHostCaBundleTheDefaultTrustStore() throws Exception {
        Path pem = Path.of("/etc/ssl/certs/ca-certificates.crt");
        if (Files.isReadable(pem)) {
            Map<String, String> byDefault = keyValues(probe(Map.of()).out());
            assertEquals(pem.toString(), byDefault.get("systemCaBundle"));
            assertEquals(pem.toString(), byDefault.get("trustStore"));
            assertEquals("PEM", byDefault.get("trustStoreType"));
        }
        Map<String, String> chosen = keyValues(probe(Map.of("ALLOYTOP_SYSTEM_CA_BUNDLE", "/srv/corp-ca.pem")).out());
        assertEquals("/srv/corp-ca.pem", chosen.get("trustStore"));
        assertEquals("PEM", chosen.get("trustStoreType"));

        Map<String, String> optedOut = keyValues(probe(Map.of("ALLOYTOP_SYSTEM_CA_BUNDLE", "")).out());
        assertEquals("", optedOut.get("systemCaBundle"));
        assertEquals("", optedOut.get("trustStore"));
    }

    @Test
    void trimmedRuntimeSpeaksTlsWithAnEcdsaCertificate() throws Exception {
        Path dir = Files.createDirectories(box.bundle.getParent().getParent().resolve("tls"));
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String pw = "changeit-" + ProcessHandle.current().pid();
        Path keys = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path trust = dir.resolve("trust.p12");
        for (Path p : List.of(keys, cert, trust)) Files.deleteIfExists(p);
        exec(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keys.toString(), "-storepass", pw, "-keypass", pw));
        exec(List.of(keytool, "-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", pw,
                "-file", cert.toString()));
        exec(List.of(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", pw));

        BundleSandbox.Result r = box.alloytop(Map.of("ALLOYTOP_JAVA_OPTS", probeOpts(TlsProbe.class)),
                keys.toString(), trust.toString(), pw);
        assertEquals(0, r.exit(), r::describe);
        String tls = keyValues(r.out()).get("tls");
        assertTrue(tls != null && tls.startsWith("TLSv1.3 ") && tls.endsWith(" ok"), r::describe);

        // The same server trusted through the JDK's defaults: only when the launcher hands it a PEM
        // bundle holding the server's certificate, as a host whose admin added a corporate CA would.
        Path pem = dir.resolve("host-ca-bundle.pem");
        Files.deleteIfExists(pem);
        exec(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keys.toString(),
                "-storepass", pw, "-file", pem.toString()));
        Map<String, String> hostBundle = Map.of("ALLOYTOP_JAVA_OPTS", probeOpts(TlsProbe.class),
                "ALLOYTOP_SYSTEM_CA_BUNDLE", pem.toString());
        BundleSandbox.Result trusted = box.alloytop(hostBundle, keys.toString(), "default", pw);
        assertEquals(0, trusted.exit(), trusted::describe);
        assertTrue(keyValues(trusted.out()).get("tls").endsWith(" ok"), trusted::describe);

        Map<String, String> bundledRoots = Map.of("ALLOYTOP_JAVA_OPTS", probeOpts(TlsProbe.class),
                "ALLOYTOP_SYSTEM_CA_BUNDLE", "");
        BundleSandbox.Result untrusted = box.alloytop(bundledRoots, keys.toString(), "default", pw);
        assertTrue(untrusted.exit() != 0 && untrusted.err().contains("PKIX"), untrusted::describe);
    }

    @Test
    void classDataArchiveMapsUnpackedAndCoversAppClassesOnceInstalled() throws Exception {
        // -Xshare:on turns "archive unusable" into a start-up failure instead of a silent slow start
        Map<String, String> strict = Map.of("ALLOYTOP_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
        BundleSandbox.Result unpacked = box.alloytop(strict, "--version");
        assertEquals(0, unpacked.exit(), unpacked::describe);
        assertTrue(unpacked.out().contains("java.lang.Object source: shared objects file"), unpacked::describe);

        Path work = box.bundle.getParent().getParent();
        Path prefix = work.resolve("installed/opt/alloytop");
        Path bin = work.resolve("installed/bin");
        Path share = work.resolve("installed/share");
        BundleSandbox.deleteTree(work.resolve("installed"));
        String installer = box.bundle.resolve("install.sh").toString();
        exec(List.of("sh", installer, "--prefix", prefix.toString(), "--bin-dir", bin.toString(),
                "--share-dir", share.toString()));
        assertTrue(Files.isSymbolicLink(bin.resolve("alloytop")));
        assertTrue(Files.isSymbolicLink(share.resolve("man/man1/alloytop.1.gz")));
        BundleSandbox.Result installed = box.run(strict, List.of(bin.resolve("alloytop").toString(), "--version"));
        assertEquals(0, installed.exit(), installed::describe);
        assertTrue(installed.out().contains("io.alloytop.cli.Main source: shared objects file"), installed::describe);
        // trained against a demo-server in its own JVM: the monitor's classes are in, the simulated
        // Alloy's (which every real monitor would otherwise keep resident) are not
        List<String> archived = Files.readAllLines(prefix.resolve("lib/alloytop.classlist"));
        assertTrue(archived.stream().anyMatch(l -> l.startsWith("io/alloytop/ui/MonitorApp")), "monitor classes archived");
        assertTrue(archived.stream().anyMatch(l -> l.startsWith("io/alloytop/cli/CheckReport")), "check classes archived");
        assertTrue(archived.stream().noneMatch(l -> l.startsWith("io/alloytop/demo/")), "no simulated-Alloy classes archived");

        exec(List.of("sh", installer, "--prefix", prefix.toString(), "--bin-dir", bin.toString(),
                "--share-dir", share.toString(), "--uninstall"));
        assertFalse(Files.exists(prefix));
        assertFalse(Files.exists(bin.resolve("alloytop"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(share.resolve("bash-completion/completions/alloytop"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void launcherFindsItsBundleThroughSymlinks() throws Exception {
        Path links = Files.createDirectories(box.bundle.getParent().getParent().resolve("links"));
        Path direct = links.resolve("direct");
        Files.deleteIfExists(direct);
        Files.createSymbolicLink(direct, links.relativize(box.bundle.resolve("bin/alloytop")));
        Path chained = links.resolve("alloytop");
        Files.deleteIfExists(chained);
        Files.createSymbolicLink(chained, direct);
        BundleSandbox.Result r = box.run(Map.of(), List.of(chained.toString(), "--version"));
        assertEquals(0, r.exit(), r::describe);
        assertTrue(r.out().startsWith("alloytop "), r::describe);
    }

    @Test
    void manPageDocumentsEveryOption() throws Exception {
        Path page = box.bundle.resolve("share/man/man1/alloytop.1.gz");
        String roff;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
            roff = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(roff.startsWith(".TH \"ALLOYTOP\" 1"), roff);
        for (OptionSpec o : Main.commandLine().getCommandSpec().options()) {
            if (o.hidden()) continue;
            assertTrue(roff.contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR"),
                    "man page lacks " + o.longestName());
        }
    }

    @Test
    void bashCompletionCompletesOptions() throws Exception {
        Path bash = box.bundle.resolve("share/bash-completion/completions/alloytop");
        Path zsh = box.bundle.resolve("share/zsh/site-functions/_alloytop");
        assertTrue(Files.readString(zsh).startsWith("#compdef alloytop\n"));
        String script = "source '" + bash + "'; COMP_WORDS=(alloytop --ur); COMP_CWORD=1;"
                + " COMP_LINE='alloytop --ur'; COMP_POINT=${#COMP_LINE}; _complete_alloytop 2>/dev/null;"
                + " echo \"${COMPREPLY[*]}\"";
        assertEquals("--url", exec(List.of("bash", "--norc", "-c", script)).strip());
    }

    @Test
    void tarballStaysUnderItsSizeBudget() throws IOException {
        long size = Files.size(tarball);
        assertTrue(size < MAX_TARBALL_BYTES, tarball.getFileName() + " is " + size + " bytes");
    }

    /** Runs the launcher with its own flags but LauncherProbe as the main class (the first class name wins). */
    private static BundleSandbox.Result probe(Map<String, String> env) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("ALLOYTOP_JAVA_OPTS", probeOpts(LauncherProbe.class));
        BundleSandbox.Result r = box.alloytop(e);
        assertEquals(0, r.exit(), r::describe);
        return r;
    }

    private static String probeOpts(Class<?> probe) throws Exception {
        Path testClasses = Path.of(probe.getProtectionDomain().getCodeSource().getLocation().toURI());
        return "-cp " + testClasses + ":" + box.bundle.resolve("lib/alloytop.jar") + " " + probe.getName();
    }

    private static Map<String, String> keyValues(String out) {
        Map<String, String> kv = new HashMap<>();
        for (String line : out.split("\n")) {
            int i = line.indexOf('=');
            if (i > 0) kv.put(line.substring(0, i), line.substring(i + 1));
        }
        return kv;
    }

    /** A tarball in out/ made after the jar was, i.e. from this jar, or null. */
    private static Path findTarball(Path out, Path jar) throws IOException {
        if (!Files.isDirectory(out)) return null;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            s.filter(p -> p.getFileName().toString().matches("alloytop-.*-linux-.*\\.tar\\.gz")).forEach(found::add);
        }
        for (Path p : found) {
            if (Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(jar)) > 0) return p;
        }
        return null;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + out);
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
