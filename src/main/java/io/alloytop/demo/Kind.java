package io.alloytop.demo;

/** How the simulation treats a component type: which counters it has and how data moves through it. */
enum Kind {
    REMOTE_WRITE(true), LOKI_WRITE(true), PYROSCOPE_WRITE(true), OTEL_EXPORTER(true),
    SCRAPE(false), JOURNAL(false), LOKI_PROCESS(false), RELABEL(false), OTEL_RECEIVER(false),
    OTEL_PROCESSOR(false), PYROSCOPE_SCRAPE(false), OTHER(false);

    final boolean writer;

    Kind(boolean writer) {
        this.writer = writer;
    }

    static Kind of(String type) {
        switch (type) {
            case "prometheus.remote_write": return REMOTE_WRITE;
            case "loki.write": return LOKI_WRITE;
            case "pyroscope.write": return PYROSCOPE_WRITE;
            case "prometheus.scrape": return SCRAPE;
            case "loki.source.journal": return JOURNAL;
            case "loki.process": return LOKI_PROCESS;
            case "prometheus.relabel": return RELABEL;
            case "pyroscope.scrape": return PYROSCOPE_SCRAPE;
            default:
                if (type.startsWith("otelcol.exporter.")) return OTEL_EXPORTER;
                if (type.startsWith("otelcol.receiver.")) return OTEL_RECEIVER;
                if (type.startsWith("otelcol.processor.")) return OTEL_PROCESSOR;
                return OTHER;
        }
    }

    /** Typical items per second (samples, log entries, profiles, spans) for a steady pipeline. */
    double baseRate() {
        switch (this) {
            case REMOTE_WRITE: return 1500;
            case SCRAPE: return 900;
            case RELABEL: return 700;
            case LOKI_WRITE: case LOKI_PROCESS: return 45;
            case JOURNAL: return 50;
            case PYROSCOPE_WRITE: case PYROSCOPE_SCRAPE: return 5.0 / 15.0;
            case OTEL_EXPORTER: case OTEL_RECEIVER: case OTEL_PROCESSOR: return 120;
            default: return 0;
        }
    }

    /** Average encoded bytes per item, for the *_bytes_total counters. */
    double bytesPerItem() {
        switch (this) {
            case REMOTE_WRITE: return 14;
            case LOKI_WRITE: return 180;
            case PYROSCOPE_WRITE: return 42_000;
            case OTEL_EXPORTER: return 320;
            default: return 0;
        }
    }
}
