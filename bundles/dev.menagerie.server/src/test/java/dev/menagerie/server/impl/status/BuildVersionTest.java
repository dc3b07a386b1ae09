package dev.menagerie.server.impl.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The version srvr, stat, mntr and envi report comes from the build, in Apache's layout. */
class BuildVersionTest {

    @Test
    void theBuiltBundleCarriesApachesVersionOursAndTheBuildTime() {
        String version = BuildVersion.full();

        assertTrue(version.matches("3\\.9\\.5-menagerie-\\S+, built on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
                version);
    }

    @Test
    void theBuildTimeIsWrittenAsApacheWritesIt() {
        assertEquals("3.9.5-menagerie-1.2.0, built on 2026-12-07 08:59 UTC", BuildVersion.format(build("1.2.0")));
    }

    @Test
    void anUnfilteredBuildIsRefusedRatherThanReported() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BuildVersion.format(build("${project.version}")));
        assertTrue(refused.getMessage().contains("menagerie.version"), refused.getMessage());
    }

    /** build.properties as Maven writes it, with {@code menagerie.version} as given. */
    private static Properties build(String menagerieVersion) {
        Properties build = new Properties();
        build.setProperty("apache.version", "3.9.5");
        build.setProperty("menagerie.version", menagerieVersion);
        build.setProperty("built.utc", "2026-12-07T08:59:36Z");
        return build;
    }
}
