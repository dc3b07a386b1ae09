package dev.menagerie.server.e2e;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code DigestAuthenticationProvider.enabled=false}: Apache 3.9.5 registers no digest provider, so a digest ACL is
 * InvalidACL, {@code addauth digest} fails (AuthFailed, and the connection closes), and the super digest, checked
 * only inside that provider, opens nothing (and, by its checkACL, a stored digest entry matches nobody). Menagerie
 * alike. Apache registers its providers once per JVM, so the pom runs this class in its own fork.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DifferentialDigestDisabledTest {

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.DigestAuthenticationProvider.enabled", "false");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"acl-world", "acl-validation", "acl-superUser", "acl-digest"})
    void theDigestSchemeIsGoneAsOnApache(String name) throws Exception {
        Transcripts.compare("nodigest-" + name, dir, "nio", AclScripts.everything().get(name));
    }
}
