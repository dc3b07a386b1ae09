package dev.menagerie.admin.impl.gogo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.runtime.BundleInfo;
import dev.menagerie.admin.impl.runtime.ComponentIssue.Kind;
import dev.menagerie.admin.impl.runtime.ComponentIssue;
import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.testing.FakeServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class MenagerieCommandsTest {

    private static final String NL = System.lineSeparator();

    private final MenagerieCommands commands = new MenagerieCommands(
            () -> List.of(new BundleInfo("dev.menagerie.api", Bundle.ACTIVE, false),
                    new BundleInfo("dev.menagerie.transport.netty", Bundle.RESOLVED, false)),
            () -> List.of(new ComponentIssue("Peer", Kind.UNSATISFIED, "missing reference storage"),
                    new ComponentIssue("Unanimous", Kind.WAITING_FOR_CONFIGURATION, "")),
            FakeStrategyInventory.distribution(), 1_000);

    @Test
    void statusPrintsTheRuntimeStatusAsText() {
        FakeServerConfig config = new FakeServerConfig();
        config.revision = 4;
        commands.bindServerConfig(config);
        FakeServerStatus server = new FakeServerStatus();
        commands.bindServerStatus(server);

        assertEquals(String.join(NL,
                "mode:        standalone",
                "server:      standalone",
                "config file: /etc/menagerie/zoo.cfg (revision 4)",
                "bundles:     1 of 2 active",
                "strategies:  cnxnFactory=nio storage=file election=fast verifier=majority",
                "inactive bundles: 1",
                "  dev.menagerie.transport.netty RESOLVED",
                "unsatisfied components: 1",
                "  Peer (missing reference storage)",
                "waiting for configuration: 1",
                "  Unanimous",
                "missing strategies: none",
                "serving:     yes",
                "zxid:        0x1f",
                "clients:     1 connection, 0 sessions, 0 outstanding requests",
                ""), commands.status());
    }

    @Test
    void statusWithoutConfigurationSaysUnconfigured() {
        String status = commands.status();

        assertEquals(List.of("mode:        unconfigured", "server:      (not running)", "config file: (none)"),
                status.lines().limit(3).toList());
    }

    @Test
    void statusFollowsTheServersStateUntilItsStatusIsGone() {
        FakeServerStatus server = new FakeServerStatus();
        server.summary = new ServerSummary("follower", true, 0, Latency.NONE, 0, 0, 0, 0, 0, 0, 0);
        commands.bindServerStatus(server);
        assertTrue(commands.status().contains("server:      follower" + NL));

        commands.unbindServerStatus(server);
        assertTrue(commands.status().contains("server:      (not running)" + NL));
    }

    @Test
    void configPrintsTheZooCfgValuesInFileOrder() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.serverPort", "9090");
        commands.bindServerConfig(config);

        assertEquals(String.join(NL,
                "# /etc/menagerie/zoo.cfg (revision 1)",
                "tickTime=2000",
                "dataDir=/var/lib/menagerie/data",
                "clientPort=2181",
                "admin.serverPort=9090",
                ""), commands.config());
    }

    @Test
    void configFollowsTheNewestRevisionAndSaysWhenThereIsNone() {
        FakeServerConfig first = new FakeServerConfig();
        FakeServerConfig second = first.nextRevision();
        commands.bindServerConfig(first);
        commands.bindServerConfig(second);
        commands.unbindServerConfig(first);

        assertEquals("# /etc/menagerie/zoo.cfg (revision 2)", commands.config().lines().findFirst().orElse(""));

        commands.unbindServerConfig(second);
        assertEquals(ConfigText.NO_CONFIG + NL, commands.config());
    }
}
