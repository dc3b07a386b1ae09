package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.auth.contract.AuthenticationProviderContract;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;

/** The AuthenticationProvider contract, run against each provider the server has built in. */
class BuiltInProvidersContractTest {

    @Nested
    class Ip extends AuthenticationProviderContract {
        @Override
        protected AuthenticationProvider provider() {
            return new IpAuthenticationProvider();
        }

        @Override
        protected Optional<Credentials> acceptedCredentials() {
            return Optional.of(new Credentials(new byte[0], ConnectionInfo.plain("192.0.2.7")));
        }

        @Override
        protected List<String> invalidAclIds() {
            return List.of("", "example.com", "10.0.0.1/33", "::1/129");
        }
    }

    @Nested
    class Digest extends AuthenticationProviderContract {
        @Override
        protected AuthenticationProvider provider() {
            return new DigestAuthenticationProvider(DigestAuthenticationProvider.generateDigest("super:root"));
        }

        @Override
        protected Optional<Credentials> acceptedCredentials() {
            return Optional.of(Credentials.plain("alice:secret"));
        }

        @Override
        protected List<String> invalidAclIds() {
            return List.of("alice", "a:b:c", "");
        }
    }

    @Nested
    class X509 extends AuthenticationProviderContract {
        @Override
        protected AuthenticationProvider provider() {
            return new X509AuthenticationProvider("CN=admin", null);
        }

        @Override
        protected Optional<Credentials> acceptedCredentials() {
            return Optional.of(new Credentials(new byte[0],
                    new ConnectionInfo("127.0.0.1", List.of(new FakeCertificate("CN=client,O=Menagerie")))));
        }

        @Override
        protected List<String> invalidAclIds() {
            return List.of("not a distinguished name");
        }
    }

    @Nested
    class Sasl extends AuthenticationProviderContract {
        @Override
        protected AuthenticationProvider provider() {
            return new SaslAuthenticationProvider(null, Set.of("admin"));
        }

        /** SASL ids come from negotiation (opcode 102), never from an auth packet. */
        @Override
        protected Optional<Credentials> acceptedCredentials() {
            return Optional.empty();
        }

        @Override
        protected List<String> invalidAclIds() {
            return List.of("a@b@c");
        }
    }
}
