package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.menagerie.config.impl.KeyRule.Support;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every key an Apache ZooKeeper 3.9.5 server honours ({@code apache-3.9-server-keys.txt}, kept apart from
 * {@link KeyRules} so that a key missing from the rules shows) and checks what an operator sees when setting it,
 * in zoo.cfg and as a JVM system property: nothing, a refusal naming it, or one warning naming it.
 */
class KeyCatalogueTest {

    @TempDir
    Path tmp;

    record ApacheKey(String key, Support support, String example) {
    }

    static List<ApacheKey> apacheKeys() throws IOException {
        List<ApacheKey> keys = new ArrayList<>();
        try (InputStream in = KeyCatalogueTest.class.getResourceAsStream("/apache-3.9-server-keys.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+", 3);
                keys.add(new ApacheKey(fields[0], Support.valueOf(fields[1].toUpperCase(Locale.ROOT)), fields[2]));
            }
        }
        return keys;
    }

    @Test
    void everyApacheKeyHasTheExpectedRule() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (ApacheKey key : apacheKeys()) {
            Support actual = KeyRules.find(key.key()).map(KeyRule::support).orElse(null);
            if (actual != key.support() && !key.key().startsWith("authProvider.")) {
                wrong.add(key.key() + ": expected " + key.support() + ", the rules say " + actual);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRuleNamesAKeyApacheHonours() throws IOException {
        List<ApacheKey> keys = apacheKeys();
        for (KeyRule rule : KeyRules.ALL) {
            if (KeyCatalog.STRATEGY_KEYS.contains(rule.name())) {
                continue; // Menagerie's own keys
            }
            assertTrue(keys.stream().anyMatch(k -> rule.covers(k.key())), "no Apache key is covered by " + rule.name());
        }
    }

    @Test
    void settingEachKeyInZooCfgGivesItsClass() throws IOException {
        int checked = 0;
        for (ApacheKey key : apacheKeys()) {
            if (key.example().equals("-")) {
                continue;
            }
            ZooCfgFixture zoo = new ZooCfgFixture(tmp.resolve("cfg" + checked++));
            String origin = "zoo.cfg:3: " + key.key() + ": ";
            expectClass(key, () -> zoo.parse(zoo.base() + key.key() + "=" + key.example() + "\n"), origin);
        }
        assertTrue(checked > 200, "only " + checked + " keys were set");
    }

    @Test
    void settingEachKeyAsASystemPropertyGivesItsClass() throws IOException {
        int checked = 0;
        for (ApacheKey key : apacheKeys()) {
            if (key.example().equals("-") || KeyCatalog.fileOnly(key.key())) {
                continue;
            }
            ZooCfgFixture zoo = new ZooCfgFixture(tmp.resolve("prop" + checked++));
            String property = KeyRuleCheck.BARE_PROPERTIES.contains(key.key()) ? key.key() : "zookeeper." + key.key();
            zoo.systemProperties.put(property, key.example());
            String origin = "zoo.cfg: -D" + property + ": " + key.key() + ": ";
            expectClass(key, () -> zoo.parse(zoo.base()), origin);
        }
        assertTrue(checked > 150, "only " + checked + " properties were set");
    }

    interface Parse {
        ParseResult run() throws ConfigException;
    }

    private static void expectClass(ApacheKey key, Parse parse, String origin) {
        switch (key.support()) {
            case IMPLEMENTED -> {
                ParseResult result = parseOrFail(key, parse);
                assertFalse(Stream.concat(result.warnings().stream(), result.unknownKeys().stream())
                        .anyMatch(line -> line.contains(" " + key.key() + ": ")), key.key() + ": " + result.warnings());
            }
            case REFUSED -> {
                String message = assertThrows(ConfigException.class, parse::run, key.key()).getMessage();
                assertTrue(message.startsWith(origin + "not supported by Menagerie: "), message);
                assertFalse(message.contains("\n"), message);
            }
            case WARNED -> {
                ParseResult result = parseOrFail(key, parse);
                List<String> lines = result.warnings().stream().filter(w -> w.contains(key.key())).toList();
                assertEquals(1, lines.size(), key.key() + ": " + result.warnings());
                assertTrue(lines.get(0).startsWith(origin + "not supported by Menagerie, ignored: "), lines.get(0));
                assertTrue(result.unknownKeys().isEmpty(), result.unknownKeys().toString());
            }
            default -> fail(key.support().toString());
        }
    }

    private static ParseResult parseOrFail(ApacheKey key, Parse parse) {
        try {
            return parse.run();
        } catch (ConfigException e) {
            throw new AssertionError(key.key() + "=" + key.example() + " should be accepted: " + e.getMessage());
        }
    }

    @Test
    void inertValuesOfRefusedKeysAreAccepted() throws Exception {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        ParseResult result = zoo.parse(zoo.base() + "sslQuorum=false\nadmin.forceHttps=false\naudit.enable=False\n"
                + "authProvider.1=org.apache.zookeeper.server.auth.DigestAuthenticationProvider\nfips-mode=true\n");
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aRefusalTellsHowToStart() {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        assertEquals("zoo.cfg:3: emulate353TTLNodes: not supported by Menagerie: TTL node ids of 3.5.3 are not"
                + " emulated; a data directory written with them would be misread; remove it, or set it to false, to"
                + " start", zoo.error(zoo.base() + "emulate353TTLNodes=true\n"));
    }

    @Test
    void aPropertyIsOverriddenByZooCfg() throws Exception {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        zoo.systemProperties.put("zookeeper.audit.impl.class", "com.example.AuditLogger");
        zoo.parse(zoo.base() + "audit.impl.class=org.apache.zookeeper.audit.Slf4jAuditLogger\n");
    }

    @Test
    void aDigestAlgorithmTheJvmLacksIsRefusedAsApacheFailsToStart() throws Exception {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        assertEquals("zoo.cfg:3: DigestAuthenticationProvider.digestAlg: expected a message digest this JVM provides,"
                + " such as SHA1, SHA-256 or SHA3-256, got \"NO-SUCH-HASH\"",
                zoo.error(zoo.base() + "DigestAuthenticationProvider.digestAlg=NO-SUCH-HASH\n"));
        zoo.parse(zoo.base() + "DigestAuthenticationProvider.digestAlg=sha-256\n");
    }

    @Test
    void readmeListsEveryRefusedAndWarnedKey() throws IOException {
        Path readme = Path.of("").toAbsolutePath().resolve("../../README.md").normalize();
        String text = Files.readString(readme);
        List<String> missing = KeyRules.ALL.stream().filter(r -> r.support() != Support.IMPLEMENTED)
                .map(KeyRule::name).filter(name -> !text.contains("`" + name)).toList();
        assertEquals(List.of(), missing, "keys the README's configuration reference does not list");
    }
}
