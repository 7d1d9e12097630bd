package io.alloytop.pprof;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.text.Sanitizer;
import java.nio.charset.StandardCharsets;

/** What an HTTP answer from /debug/pprof means, as a profile or a failure a user can act on. */
final class ProfileResponses {
    private ProfileResponses() {}

    static Result<byte[]> interpret(ProfileType type, int seconds, int code, byte[] body, String url) {
        String text = firstLine(body);
        if (code == 401 || code == 403) {
            return Result.err(Failure.Kind.AUTH, "Alloy refused the request for " + url + " (HTTP " + code
                    + "): check --username/--password-file or --bearer-token-file");
        }
        if (code == 500 && text.contains("profiling already in use")) {
            return Result.err(Failure.Kind.HTTP_STATUS, "another CPU profile is already being captured from this Alloy"
                    + " (Go runs only one at a time: \"" + text + "\"); wait for it to finish and try again");
        }
        if (code == 500 && text.contains("tracing is already enabled")) {
            return Result.err(Failure.Kind.HTTP_STATUS, "another execution trace is already running in this Alloy"
                    + " (\"" + text + "\"); wait for it to finish and try again");
        }
        if (code == 400 && text.contains("WriteTimeout")) {
            return Result.err(Failure.Kind.HTTP_STATUS, "the server refuses a " + seconds + " s capture because it is"
                    + " longer than its HTTP write timeout (\"" + text + "\"); use a smaller --seconds");
        }
        if (code == 404) {
            return Result.err(Failure.Kind.NOT_SUPPORTED, url + " does not exist (HTTP 404): the server has no "
                    + type.id() + " profile; is pprof enabled (--server.http.enable-pprof)?");
        }
        if (code != 200) {
            return Result.err(Failure.Kind.HTTP_STATUS, type.id() + " profile from " + url + ": HTTP " + code
                    + (text.isEmpty() ? "" : ": " + text));
        }
        if (looksLikeHtml(body)) {
            return Result.err(Failure.Kind.NOT_SUPPORTED, "Alloy answered " + url + " with its web UI's HTML page instead"
                    + " of a profile: pprof is turned off. Start Alloy with --server.http.enable-pprof=true (the default)");
        }
        if (type.decodable() && (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b)) {
            return Result.err(Failure.Kind.BAD_RESPONSE, url + " answered with something that is not a gzip'd profile ("
                    + body.length + " bytes" + (text.isEmpty() ? "" : ", starting \"" + text + "\"") + ")");
        }
        return Result.ok(body);
    }

    static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            return b == '<';
        }
        return false;
    }

    /** The first line of a textual error body, kept short and made inert for a terminal. */
    static String firstLine(byte[] body) {
        int n = Math.min(body.length, 300);
        String s = new String(body, 0, n, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl);
        return Sanitizer.line(s.strip());
    }
}
