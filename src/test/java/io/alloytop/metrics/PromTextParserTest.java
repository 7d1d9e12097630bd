package io.alloytop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromTextParserTest {
    static MetricsSnapshot parse(String text) throws PromParseException {
        return PromTextParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static MetricFamily family(MetricsSnapshot s, String name) {
        return s.families().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no family " + name + " in " + s.families()));
    }

    @Test
    void helpTypeAndSamplesWithLabelsAndTimestamps() throws Exception {
        MetricsSnapshot s = parse("""
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000
                """);
        MetricFamily f = family(s, "http_requests_total");
        assertEquals(MetricType.COUNTER, f.type());
        assertEquals("The total number of HTTP requests.", f.help());
        assertEquals(List.of(
                new Sample("http_requests_total", Labels.ofPairs("method", "post", "code", "200"), 1027, 1395066363000L),
                new Sample("http_requests_total", Labels.ofPairs("method", "post", "code", "400"), 3, 1395066363000L)),
                f.samples());
    }

    @Test
    void helpEscapesAreDecodedAndUnknownOnesKeptLiterally() throws Exception {
        MetricsSnapshot s = parse("# HELP a Line one\\nback\\\\slash \\q stays\na 1\n");
        assertEquals("Line one\nback\\slash \\q stays", family(s, "a").help());
    }

    @Test
    void labelValueEscapes() throws Exception {
        MetricsSnapshot s = parse("msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n");
        Labels l = s.samples("msdos_file_access_time_seconds").get(0).labels();
        assertEquals("C:\\DIR\\FILE.TXT", l.get("path"));
        assertEquals("Cannot find file:\n\"FILE.TXT\"", l.get("error"));
        assertEquals(1.458255915e9, s.first("msdos_file_access_time_seconds").getAsDouble());
    }

    @Test
    void utf8LabelValuesAndHelp() throws Exception {
        MetricsSnapshot s = parse("# HELP m Größe ✓\nm{city=\"Zürich 🚀\",esc=\"é\\\"\"} 1\n");
        assertEquals("Größe ✓", family(s, "m").help());
        assertEquals("Zürich 🚀", s.samples("m").get(0).labels().get("city"));
        assertEquals("é\"", s.samples("m").get(0).labels().get("esc"));
    }

    @Test
    void specialValues() throws Exception {
        MetricsSnapshot s = parse("a NaN\nb +Inf\nc -Inf\nd Inf\ne -0\nf 1e3\ng .5\nh 5.\ni -1.5E-3\nj 12345678901234567890\nk 0.1\nl 1.7976931348623157e308\n");
        assertTrue(Double.isNaN(s.first("a").getAsDouble()));
        assertEquals(Double.POSITIVE_INFINITY, s.first("b").getAsDouble());
        assertEquals(Double.NEGATIVE_INFINITY, s.first("c").getAsDouble());
        assertEquals(Double.POSITIVE_INFINITY, s.first("d").getAsDouble());
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(s.first("e").getAsDouble()));
        assertEquals(1000, s.first("f").getAsDouble());
        assertEquals(0.5, s.first("g").getAsDouble());
        assertEquals(5, s.first("h").getAsDouble());
        assertEquals(-1.5e-3, s.first("i").getAsDouble());
        assertEquals(12345678901234567890.0, s.first("j").getAsDouble());
        assertEquals(0.1, s.first("k").getAsDouble());
        assertEquals(Double.MAX_VALUE, s.first("l").getAsDouble());
    }

    @Test
    void timestampsAreOptionalAndSigned() throws Exception {
        MetricsSnapshot s = parse("a 1\nb 2 -5\nc 3 9223372036854775807\n");
        assertEquals(Sample.NO_TIMESTAMP, s.samples("a").get(0).timestampMs());
        assertEquals(-5, s.samples("b").get(0).timestampMs());
        assertEquals(Long.MAX_VALUE, s.samples("c").get(0).timestampMs());
    }

    @Test
    void histogramSamplesJoinTheirFamily() throws Exception {
        MetricsSnapshot s = parse("""
                # TYPE rpc histogram
                rpc_bucket{le="0.1"} 1
                rpc_bucket{le="+Inf"} 3
                rpc_sum 0.7
                rpc_count 3
                rpc_created 1.7e9
                """);
        assertEquals(1, s.families().size());
        MetricFamily f = family(s, "rpc");
        assertEquals(MetricType.HISTOGRAM, f.type());
        assertEquals(List.of("rpc_bucket", "rpc_bucket", "rpc_sum", "rpc_count", "rpc_created"),
                f.samples().stream().map(Sample::name).toList());
        assertEquals(3, s.first("rpc_bucket", l -> l.matches("le", "+Inf")).getAsDouble());
        assertEquals(3, s.first("rpc_count").getAsDouble());
    }

    @Test
    void summaryAndOpenMetricsStyleCounterSamplesJoinTheirFamily() throws Exception {
        MetricsSnapshot s = parse("""
                # TYPE lat summary
                lat{quantile="0.5"} 0.1
                lat_sum 2
                lat_count 9
                # TYPE jobs counter
                jobs_total 4
                jobs_created 1.7e9
                """);
        assertEquals(List.of("lat", "jobs"), s.families().stream().map(MetricFamily::name).toList());
        assertEquals(3, family(s, "lat").samples().size());
        assertEquals(2, family(s, "jobs").samples().size());
        assertEquals(4, s.first("jobs_total").getAsDouble());
    }

    @Test
    void suffixesOnlyJoinFamiliesOfTheMatchingType() throws Exception {
        MetricsSnapshot s = parse("""
                # TYPE g gauge
                g 1
                g_sum 2
                g_bucket{le="1"} 3
                # TYPE s summary
                s_bucket 4
                """);
        assertEquals(MetricType.GAUGE, family(s, "g").type());
        assertEquals(1, family(s, "g").samples().size());
        assertEquals(MetricType.UNTYPED, family(s, "g_sum").type());
        assertEquals(MetricType.UNTYPED, family(s, "g_bucket").type());
        assertEquals(MetricType.UNTYPED, family(s, "s_bucket").type());
    }

    @Test
    void samplesWithoutTypeAreUntypedAndSplitFamiliesMerge() throws Exception {
        MetricsSnapshot s = parse("x{a=\"1\"} 1\ny 2\nx{a=\"2\"} 3\n");
        assertEquals(List.of("x", "y"), s.families().stream().map(MetricFamily::name).toList());
        assertEquals(MetricType.UNTYPED, family(s, "x").type());
        assertEquals(2, family(s, "x").samples().size());
        assertEquals("", family(s, "x").help());
        assertEquals(4, s.sum("x"));
    }

    @Test
    void familiesWithoutSamplesAreDropped() throws Exception {
        MetricsSnapshot s = parse("# HELP gone nothing\n# TYPE gone gauge\n# TYPE here gauge\nhere 1\n");
        assertEquals(List.of("here"), s.families().stream().map(MetricFamily::name).toList());
    }

    @Test
    void blankLinesCommentsAndLooseWhitespace() throws Exception {
        MetricsSnapshot s = parse("""

                # just a comment
                #HELP tight no blank after hash
                   \t
                # TYPE spaced gauge\t
                \t spaced  {  a = "1" , b="2", }\t 7 \t 12 \t
                tight{}8
                # HELP
                # TYPE
                # HELP only_name
                #
                """);
        Sample sp = s.samples("spaced").get(0);
        assertEquals(Labels.ofPairs("a", "1", "b", "2"), sp.labels());
        assertEquals(7, sp.value());
        assertEquals(12, sp.timestampMs());
        assertEquals(MetricType.GAUGE, family(s, "spaced").type());
        assertEquals("no blank after hash", family(s, "tight").help());
        assertEquals(Labels.EMPTY, s.samples("tight").get(0).labels());
    }

    @Test
    void crlfLineEndsAreTolerated() throws Exception {
        String lf = "# HELP a Help text.\n# TYPE a gauge\na{x=\"y\"} 1 5\nb 2\n\n";
        MetricsSnapshot fromLf = parse(lf);
        MetricsSnapshot fromCrlf = parse(lf.replace("\n", "\r\n"));
        assertEquals(fromLf.families(), fromCrlf.families());
        assertEquals("Help text.", family(fromCrlf, "a").help());
    }

    @Test
    void lastLineMayLackNewline() throws Exception {
        assertEquals(3, parse("a 1\nb 3").first("b").getAsDouble());
        assertEquals(0, parse("").families().size());
    }

    @Test
    void typeIsCaseInsensitiveLikeGo() throws Exception {
        assertEquals(MetricType.HISTOGRAM, family(parse("# TYPE h HISTOGRAM\nh_count 1\n"), "h").type());
    }

    @Test
    void namesAreCachedAcrossParses() throws Exception {
        Sample a = parse("cached_metric_name_for_test{cached_label=\"v\"} 1\n").samples("cached_metric_name_for_test").get(0);
        Sample b = parse("cached_metric_name_for_test{cached_label=\"v\"} 2\n").samples("cached_metric_name_for_test").get(0);
        assertSame(a.name(), b.name());
        assertSame(a.labels().name(0), b.labels().name(0));
        assertSame(a.labels().value(0), b.labels().value(0));
    }

    @Test
    void offsetAndLengthSelectASlice() throws Exception {
        byte[] b = "garbage!a 1\nb 2\ngarbage!".getBytes(StandardCharsets.UTF_8);
        MetricsSnapshot s = PromTextParser.parse(b, 8, 8);
        assertEquals(List.of("a", "b"), s.families().stream().map(MetricFamily::name).toList());
        assertThrows(IndexOutOfBoundsException.class, () -> PromTextParser.parse(b, 20, 10));
    }

    @Test
    void consecutiveLinesSharingPrefixesParseAsIfAlone() throws Exception {
        String[] lines = {
            "m{a=\"abc\",b=\"x\"} 1",
            "m{a=\"abc\",b=\"x\"} 2",
            "m{a=\"abd\",b=\"x\"} 3",
            "m{a=\"ab\",b=\"x\"} 4",
            "m{a=\"ab\"} 5",
            "m{a=\"ab\",} 6",
            "m{a=\"ab\" , c=\"\\\"q\"} 7",
            "m{a=\"ab\" , c=\"\\\"r\"} 8",
            "m{a=\"ab\" , c=\"\\\"r\",d=\"é\"} 9",
            "m {a=\"ab\"} 10",
            "m{a=\"ab\"}11",
            "m 12",
            "m{} 13",
            "m{a=\"ab\"} 14 99",
        };
        StringBuilder all = new StringBuilder();
        List<Sample> alone = new java.util.ArrayList<>();
        for (String line : lines) {
            all.append(line).append('\n');
            alone.addAll(parse(line + "\n").families().get(0).samples());
        }
        MetricsSnapshot s = parse(all.toString());
        assertEquals(alone, s.families().stream().flatMap(f -> f.samples().stream()).toList());
        assertEquals(Labels.ofPairs("a", "ab", "c", "\"r", "d", "é"), s.samples("m").get(8).labels());
        PromParseException e = assertThrows(PromParseException.class,
                () -> parse("m{a=\"abc\",b=\"x\"} 1\nm{a=\"abc\",a=\"x\"} 1\n"));
        assertEquals("line 2, column 11: duplicate label name a", e.getMessage());
    }
}
