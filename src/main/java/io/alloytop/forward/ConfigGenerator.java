package io.alloytop.forward;

/**
 * Generates the managed self-monitoring config (shapes of facts §8.4) from a {@link GeneratorInput}.
 * Pure: the same input gives the same bytes, which keeps dry-run diffs and tests exact.
 */
public final class ConfigGenerator {
    private static final String L = ManagedIds.LABEL;

    private ConfigGenerator() {}

    public static String generate(GeneratorInput in) {
        StringBuilder sb = new StringBuilder();
        if (in.apiKey() instanceof ValueRef.SecretFile sf) {
            sb.append("local.file \"").append(sf.componentLabel()).append("\" {\n")
              .append("  filename  = ").append(AlloyText.quote(in.secretFile())).append('\n')
              .append("  is_secret = true\n")
              .append("}\n\n");
        }
        if (in.signals().contains(Signal.METRICS)) metrics(sb, in);
        if (in.signals().contains(Signal.LOGS)) logs(sb, in);
        if (in.signals().contains(Signal.PROFILES)) profiles(sb, in);
        if (in.signals().contains(Signal.TRACES)) traces(sb, in);
        // No trailing blank line: the block's END marker follows directly.
        while (sb.length() > 1 && sb.charAt(sb.length() - 1) == '\n' && sb.charAt(sb.length() - 2) == '\n') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static void endpoint(StringBuilder sb, String indent, GeneratorInput in, Signal s) {
        sb.append(indent).append("endpoint {\n")
          .append(indent).append("  url = ").append(in.urls().get(s).expression()).append('\n')
          .append(indent).append("  basic_auth {\n")
          .append(indent).append("    username = ").append(in.ids().get(s).expression()).append('\n')
          .append(indent).append("    password = ").append(in.apiKey().expression()).append('\n')
          .append(indent).append("  }\n")
          .append(indent).append("}\n");
    }

    private static void metrics(StringBuilder sb, GeneratorInput in) {
        sb.append("prometheus.exporter.self \"").append(L).append("\" { }\n\n");
        String targets = "prometheus.exporter.self." + L + ".targets";
        if (in.hostMetrics()) {
            sb.append("prometheus.exporter.unix \"").append(L).append("\" { }\n\n");
            targets = "array.concat(" + targets + ", prometheus.exporter.unix." + L + ".targets)";
        }
        sb.append("prometheus.scrape \"").append(L).append("\" {\n")
          .append("  targets         = ").append(targets).append('\n')
          .append("  forward_to      = [prometheus.remote_write.").append(L).append(".receiver]\n")
          .append("  scrape_interval = \"15s\"\n")
          .append("}\n\n");
        sb.append("prometheus.remote_write \"").append(L).append("\" {\n");
        endpoint(sb, "  ", in, Signal.METRICS);
        sb.append("}\n\n");
    }

    private static void logs(StringBuilder sb, GeneratorInput in) {
        sb.append("loki.source.journal \"").append(L).append("\" {\n")
          .append("  matches    = ").append(AlloyText.quote("_SYSTEMD_UNIT=" + in.journalUnit())).append('\n')
          .append("  labels     = { service_name = \"alloy\", source = \"alloytop\" }\n")
          .append("  forward_to = [loki.write.").append(L).append(".receiver]\n")
          .append("}\n\n");
        sb.append("loki.write \"").append(L).append("\" {\n");
        endpoint(sb, "  ", in, Signal.LOGS);
        sb.append("}\n\n");
    }

    private static void profiles(StringBuilder sb, GeneratorInput in) {
        sb.append("pyroscope.scrape \"").append(L).append("\" {\n")
          .append("  targets    = [{ \"__address__\" = ").append(AlloyText.quote(in.alloyAddress()))
          .append(", \"service_name\" = \"alloy\" }]\n")
          .append("  forward_to = [pyroscope.write.").append(L).append(".receiver]\n")
          .append("}\n\n");
        sb.append("pyroscope.write \"").append(L).append("\" {\n");
        endpoint(sb, "  ", in, Signal.PROFILES);
        sb.append("}\n\n");
    }

    private static void traces(StringBuilder sb, GeneratorInput in) {
        sb.append("tracing {\n")
          .append("  sampling_fraction = 0.1\n")
          .append("  write_to          = [otelcol.exporter.otlp.").append(L).append(".input]\n")
          .append("}\n\n");
        sb.append("otelcol.auth.basic \"").append(L).append("\" {\n")
          .append("  client_auth {\n")
          .append("    username = ").append(in.ids().get(Signal.TRACES).expression()).append('\n')
          .append("    password = ").append(in.apiKey().expression()).append('\n')
          .append("  }\n")
          .append("}\n\n");
        sb.append("otelcol.exporter.otlp \"").append(L).append("\" {\n")
          .append("  client {\n")
          .append("    endpoint = ").append(in.urls().get(Signal.TRACES).expression()).append('\n')
          .append("    auth     = otelcol.auth.basic.").append(L).append(".handler\n")
          .append("  }\n")
          .append("}\n\n");
    }
}
