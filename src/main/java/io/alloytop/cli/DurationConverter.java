package io.alloytop.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Go-style durations as Alloy users write them: 500ms, 2s, 1m30s, 1h; a bare number is seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim();
        if (v.matches("\\d+(\\.\\d+)?")) return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        Matcher m = PART.matcher(v);
        int pos = 0;
        double millis = 0;
        while (pos < v.length() && m.find(pos) && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "ms": millis += n; break;
                case "s": millis += n * 1000; break;
                case "m": millis += n * 60_000; break;
                default: millis += n * 3_600_000; break;
            }
            pos = m.end();
        }
        if (pos != v.length() || v.isEmpty()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (examples: 500ms, 2s, 1m30s)");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
