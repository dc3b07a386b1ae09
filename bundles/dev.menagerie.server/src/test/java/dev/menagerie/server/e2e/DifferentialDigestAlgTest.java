package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code DigestAuthenticationProvider.digestAlg=SHA-256}, with a super digest made with SHA-256: digest ids, the
 * {@code auth} expansion and the super user on Apache 3.9.5 and on Menagerie alike. Apache takes any name
 * {@link java.security.MessageDigest} knows in its JVM (SHA1 by default; SHA-256, SHA3-256, also MD5) and reads it once
 * per JVM, in a static initialiser; for a name the JVM lacks, that initialiser throws and the server does not start.
 * The pom runs this class in its own fork.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DifferentialDigestAlgTest {

    static final String SHA256_SUPER_DIGEST = "super:WTA5ucCHTdJq645xIMibj8HviTPeB5mMuJ4/+v1dIEw=";

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.DigestAuthenticationProvider.digestAlg", "SHA-256");
        System.setProperty("zookeeper.DigestAuthenticationProvider.superDigest", SHA256_SUPER_DIGEST);
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"acl-auth", "acl-superUser"})
    void digestsAreSha256AsOnApache(String name) throws Exception {
        Transcripts.compare("sha256-" + name, dir, "nio", AclScripts.everything().get(name));
    }

    @Test
    void theDigestIsApachesSha256() {
        assertEquals(SHA256_SUPER_DIGEST, AclMatrix.digest("super:secret"));
    }

    @Test
    void aDigestTheJvmLacksRefusesTheStart() {
        Exception refused = assertThrows(Exception.class,
                () -> new InJvmMenagerie(dir, "nio", "DigestAuthenticationProvider.digestAlg=NO-SUCH-HASH").close());
        assertTrue(String.valueOf(refused.getMessage()).contains("DigestAuthenticationProvider.digestAlg"),
                refused.toString());
    }
}
