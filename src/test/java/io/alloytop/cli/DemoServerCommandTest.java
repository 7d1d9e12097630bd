package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoServerCommandTest {
    @Test
    void runsInTheForegroundPrintsItsUrlAndStopsCleanly() throws Exception {
        CommandLine cl = Main.commandLine();
        CommandLine sub = cl.getSubcommands().get("demo-server");
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        DemoServerCommand cmd = sub.getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--ui-prefix", "/alloy", "demo-server", "--scale", "100"));
        Matcher m = null;
        for (int i = 0; i < 100; i++) {
            m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(out.toString());
            if (m.find()) break;
            Thread.sleep(50);
        }
        assertTrue(m != null && m.find(0), "printed its URL: " + out + " exit: " + (exit.isDone() ? exit.join() : "running"));
        String base = m.group(1);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/alloy/api/v0/web/components")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(out.toString().contains("(UI prefix /alloy/)"));
        cmd.stop.countDown();
        assertEquals(ExitCodes.OK, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void usernameAndPasswordFileTurnOnBasicAuth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pw = dir.resolve("pw");
        java.nio.file.Files.writeString(pw, "s3cret\n");
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        DemoServerCommand cmd = cl.getSubcommands().get("demo-server").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("demo-server", "--username", "admin", "--password-file", pw.toString()));
        Matcher m = null;
        for (int i = 0; i < 100; i++) {
            m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(out.toString());
            if (m.find()) break;
            Thread.sleep(50);
        }
        assertTrue(m != null && m.find(0), "printed its URL: " + out);
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(401, client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/metrics")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(!out.toString().contains("s3cret"), "the password is never printed");
        cmd.stop.countDown();
        assertEquals(ExitCodes.OK, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aBusyPortIsAClearFailure() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("demo-server", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.FAILED, code);
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), err.toString());
        }
    }
}
