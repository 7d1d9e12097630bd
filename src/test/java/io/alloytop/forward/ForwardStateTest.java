package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file keeps the form databind's bean mapping gave it, so files from earlier versions still load. */
class ForwardStateTest {
    /** Byte for byte what ObjectMapper.writerWithDefaultPrettyPrinter() wrote for these records. */
    private static final String WRITTEN_BY_DATABIND = "{\n"
            + "  \"configPath\" : \"/etc/alloy/config.alloy\",\n"
            + "  \"enabledAt\" : \"2026-11-22T09:00:00Z\",\n"
            + "  \"signals\" : [ \"metrics\", \"logs\" ],\n"
            + "  \"beforeCpuPercent\" : 1.0,\n"
            + "  \"beforeRssBytes\" : 7.0E7\n"
            + "}";
    private static final String NULLS_BY_DATABIND = "{\n"
            + "  \"configPath\" : null,\n"
            + "  \"enabledAt\" : null,\n"
            + "  \"signals\" : null,\n"
            + "  \"beforeCpuPercent\" : 0.5,\n"
            + "  \"beforeRssBytes\" : 0.0\n"
            + "}";

    private final ForwardState full = new ForwardState("/etc/alloy/config.alloy", "2026-11-22T09:00:00Z",
            List.of("metrics", "logs"), 1.0, 70e6);

    @Test
    void savesTheFormEarlierVersionsWrote(@TempDir Path dir) throws Exception {
        full.save(dir);
        assertEquals(WRITTEN_BY_DATABIND, Files.readString(dir.resolve(ForwardState.FILE)));
        new ForwardState(null, null, null, 0.5, 0).save(dir);
        assertEquals(NULLS_BY_DATABIND, Files.readString(dir.resolve(ForwardState.FILE)));
    }

    @Test
    void loadsWhatEarlierVersionsWrote(@TempDir Path dir) throws Exception {
        write(dir, WRITTEN_BY_DATABIND);
        assertEquals(full, ForwardState.load(dir).orElseThrow());
        write(dir, NULLS_BY_DATABIND);
        assertEquals(new ForwardState(null, null, null, 0.5, 0), ForwardState.load(dir).orElseThrow());
    }

    @Test
    void missingFieldsAreEmptyAndScalarsCoerceAsTheBeanMappingDid(@TempDir Path dir) throws Exception {
        write(dir, "{\"signals\":[\"logs\",1],\"beforeRssBytes\":\"5e6\",\"configPath\":7}");
        assertEquals(new ForwardState("7", null, List.of("logs", "1"), 0, 5e6), ForwardState.load(dir).orElseThrow());
    }

    @Test
    void refusesWhatTheBeanMappingRefused(@TempDir Path dir) throws Exception {
        for (String bad : List.of("", "[]", "null", "{\"other\":1}", "{\"signals\":\"metrics\"}",
                "{\"configPath\":{}}", "{\"beforeCpuPercent\":true}", "{\"signals\":[[1]]}", "{\"enabledAt\":")) {
            write(dir, bad);
            assertFalse(ForwardState.load(dir).isPresent(), bad);
        }
        Files.delete(dir.resolve(ForwardState.FILE));
        assertFalse(ForwardState.load(dir).isPresent(), "no file");
    }

    @Test
    void saveReplacesTheFileWhole(@TempDir Path dir) throws Exception {
        write(dir, "x".repeat(4096));
        full.save(dir);
        assertEquals(full, ForwardState.load(dir).orElseThrow());
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().equals(ForwardState.FILE)), "no temp file left");
        }
    }

    private static void write(Path dir, String text) throws Exception {
        Files.writeString(dir.resolve(ForwardState.FILE), text, StandardCharsets.UTF_8);
    }
}
