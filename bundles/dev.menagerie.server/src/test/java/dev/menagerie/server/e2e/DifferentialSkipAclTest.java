package dev.menagerie.server.e2e;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code skipACL=yes}: every ACL check passes (getACL shows digests unredacted, watch events are not held back),
 * but ACLs are still validated and expanded, on Apache 3.9.5 and on Menagerie alike. Apache reads the property once
 * per JVM, so the pom runs this class in its own fork.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DifferentialSkipAclTest {

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.skipACL", "yes");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"acl-digest", "acl-validation", "acl-watchFiltering", "acl-superUser"})
    void everyCheckPassesAsOnApache(String name) throws Exception {
        Transcripts.compare("skipACL-" + name, dir, "nio", AclScripts.everything().get(name));
    }
}
