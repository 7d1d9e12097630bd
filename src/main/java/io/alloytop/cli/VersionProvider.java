package io.alloytop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version and commit, from build-info.properties written at package time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/alloytop/build-info.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // a missing file only means "unknown", never a failure
        }
        String v = p.getProperty("version", "dev");
        String c = p.getProperty("commit", "unknown");
        return new String[] {"alloytop " + v + " (commit " + c + ")"};
    }
}
