package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.cli.Main;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.testing.FakeHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Basic-auth passwords and bearer tokens never show in output, error messages or --output json, even
 * when a server echoes the request headers back; and no option takes a secret on the command line
 * (where `ps` would show it). Every leak found adds to the "secrets leaked" figure, which must stay 0.
 */
class SecretsTest {
    static final Tally TALLY = new Tally("secrets");
    private static final String USER = "alloy-admin";
    private static final String PASSWORD = "Pw-9f3e1c7a2b-secret";
    private static final String TOKEN = "glc_eyJvIjoiMTIzNCIsIm4iOiJzdGFjayJ9TOKEN";

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static List<String> forms() {
        String b64 = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return List.of(PASSWORD, TOKEN, b64);
    }

    private static void noSecret(String where, String text) {
        TALLY.inc("outputsScanned");
        for (String s : forms()) {
            if (text.contains(s)) {
                TALLY.inc("leaked");
                throw new AssertionError(where + " shows a secret:\n" + text);
            }
        }
    }

    private Path file(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content + "\n");
        return p;
    }

    @Test
    void checkWithGoodAndBadCredentialsAgainstTheDemo() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0).withBasicAuth(USER, PASSWORD))) {
            demo.faults().authRequired(true);
            Path good = file("pw", PASSWORD);
            for (String out : List.of("text", "json")) {
                Cli.Run r = Cli.run("--url", demo.baseUrl(), "--username", USER, "--password-file", good.toString(),
                        "--timeout", "3s", "check", "--cpu-sample", "0", "--output", out).clean();
                assertTrue(r.code() <= 1, r.all());
                noSecret("check " + out, r.all());
            }
            Path bad = file("bad", PASSWORD + "-wrong");
            Cli.Run r = Cli.run("--url", demo.baseUrl(), "--username", USER, "--password-file", bad.toString(),
                    "--timeout", "3s", "check", "--cpu-sample", "0").clean().says("401", USER);
            assertEquals(2, r.code());
            noSecret("check bad password", r.all());
            Path tok = file("tok", TOKEN);
            r = Cli.run("--url", demo.baseUrl(), "--bearer-token-file", tok.toString(), "--timeout", "3s", "check",
                    "--cpu-sample", "0", "--output", "json").clean();
            noSecret("check bearer json", r.all());
        }
    }

    @Test
    void aServerEchoingHeadersDoesNotLeakThem() throws Exception {
        try (FakeHttp f = FakeHttp.start()) {
            FakeHttp.Handler echo = ex -> {
                StringBuilder b = new StringBuilder("proxy error; your request was:\n");
                for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                    b.append(h.getKey()).append(": ").append(String.join(",", h.getValue())).append('\n');
                }
                FakeHttp.send(ex, 502, "text/plain", b.toString());
            };
            f.fallback = echo;
            f.route("/metrics", echo);
            f.route("/-/ready", echo);
            f.route("/api/v0/web/components", echo);
            Path pw = file("pw", PASSWORD);
            Path tok = file("tok", TOKEN);
            List<List<String>> auths = List.of(List.of("--username", USER, "--password-file", pw.toString()),
                    List.of("--bearer-token-file", tok.toString()));
            for (List<String> auth : auths) {
                for (String out : List.of("text", "json")) {
                    List<String> a = new ArrayList<>(List.of("--url", f.url(), "--timeout", "3s"));
                    a.addAll(auth);
                    a.addAll(List.of("check", "--cpu-sample", "0", "--output", out));
                    Cli.Run r = Cli.run(a.toArray(new String[0])).clean().says("502");
                    noSecret("echoing server, " + auth.get(0) + ", " + out, r.all());
                }
            }
            assertTrue(f.requests.size() > 0);
        }
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        ConnectionSettings s = new ConnectionSettings("http://127.0.0.1:1", "/", USER, PASSWORD, TOKEN, null, null,
                PASSWORD, false, java.time.Duration.ofSeconds(1));
        noSecret("ConnectionSettings.toString", s.toString());
    }

    /** `ps` shows argv: an option that takes a password, token or key as its value would leak it. */
    @Test
    void noOptionTakesASecretOnTheCommandLine() {
        List<String> offenders = new ArrayList<>();
        walk(Main.commandLine().getCommandSpec(), offenders);
        TALLY.add("optionsChecked", count(Main.commandLine().getCommandSpec()));
        TALLY.add("leaked", offenders.size());
        assertTrue(offenders.isEmpty(), "options taking a secret value: " + offenders);
    }

    private static int count(CommandSpec spec) {
        int n = spec.options().size();
        for (CommandLine sub : spec.subcommands().values()) n += count(sub.getCommandSpec());
        return n;
    }

    private static void walk(CommandSpec spec, List<String> offenders) {
        for (OptionSpec o : spec.options()) {
            if (o.arity().max() == 0) continue; // a flag carries no value
            for (String name : o.names()) {
                String n = name.toLowerCase(java.util.Locale.ROOT);
                boolean secretish = n.matches(".*(password|passwd|token|secret|api-key|apikey|access-key|cloud-key).*");
                boolean reference = n.endsWith("-file") || n.endsWith("-env") || n.endsWith("-path")
                        || o.type() == Path.class || o.type() == java.io.File.class;
                if (secretish && !reference) offenders.add(spec.qualifiedName() + " " + name);
            }
        }
        for (CommandLine sub : spec.subcommands().values()) walk(sub.getCommandSpec(), offenders);
        assertFalse(offenders.stream().anyMatch(String::isBlank));
    }
}
