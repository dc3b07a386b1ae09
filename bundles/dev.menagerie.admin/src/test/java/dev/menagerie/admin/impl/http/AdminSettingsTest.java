package dev.menagerie.admin.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

    @Test
    void defaultsAreApaches() {
        assertEquals(new AdminSettings(true, "0.0.0.0", 8080, "/commands"), AdminSettings.from(Map.of()));
    }

    @Test
    void readsTheAdminKeysOfZooCfg() {
        AdminSettings settings = AdminSettings.from(Map.of(
                "admin.enableServer", "False", "admin.serverAddress", " 127.0.0.1 ",
                "admin.serverPort", "9090", "admin.commandURL", "/admin/"));

        assertEquals(new AdminSettings(false, "127.0.0.1", 9090, "/admin"), settings);
    }

    @Test
    void malformedValuesFallBackToDefaults() {
        AdminSettings settings = AdminSettings.from(Map.of(
                "admin.enableServer", "yes please", "admin.serverPort", "80800", "admin.commandURL", " "));

        assertEquals(new AdminSettings(true, "0.0.0.0", 8080, "/commands"), settings);
        assertEquals(8080, AdminSettings.from(Map.of("admin.serverPort", "eighty")).port());
    }

    @Test
    void commandUrlAlwaysStartsWithSlashAndHasNoTrailingSlash() {
        assertEquals("/cmds", AdminSettings.normalizeUrl("cmds"));
        assertEquals("/a/b", AdminSettings.normalizeUrl("/a/b//"));
        assertEquals("", AdminSettings.normalizeUrl("/"));
    }
}
