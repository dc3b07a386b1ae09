package dev.menagerie.it.process.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember.Impl;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The console's ensemble panel on a real 3-server ensemble, read as the page reads it ({@code /console/api/ensemble}
 * of a follower): every member with its role, its zxid and no lag once a write has reached all of them, and the
 * election this follower took part in.
 */
class ConsoleQuorumTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFollowersConsoleShowsEveryMembersRoleZxidAndLag() throws Exception {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 1_000, 10, 3).withClientPortsInServerLines();
        try (Ensemble ensemble = Ensemble.start(Impl.MENAGERIE, layout, "console-quorum", List.of("-Xmx256m"))) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            int follower = leader % 3 + 1;
            ZooKeeper client = ensemble.syncedClient(follower, START_TIMEOUT);
            client.create("/console-quorum", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            String url = "http://127.0.0.1:" + layout.member(follower).adminPort() + "/console/api/ensemble";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<Integer, String> expectedModes = new TreeMap<>();
            for (int id = 1; id <= 3; id++) {
                expectedModes.put(id, id == leader ? "leader" : "follower");
            }

            JsonNode panel = Await.untilNoException("every member's role and a lag of 0 on " + url, START_TIMEOUT,
                    () -> {
                        JsonNode body = JSON.readTree(get(http, url));
                        Map<Integer, String> modes = new TreeMap<>();
                        for (JsonNode member : body.get("members")) {
                            modes.put(member.get("id").asInt(), member.get("mode").asText());
                            if (member.get("lag").isNull() || member.get("lag").asLong() != 0) {
                                return null;
                            }
                        }
                        return modes.equals(expectedModes) ? body : null;
                    });

            assertEquals("follower", panel.get("mode").asText());
            assertEquals(leader, panel.get("leader_id").asInt());
            assertEquals("broadcast", panel.get("zab_state").asText());
            assertTrue(panel.get("election").get("elections").asLong() >= 1, "the election is counted: " + panel);
            for (JsonNode member : panel.get("members")) {
                assertEquals(panel.get("zxid").asText(), member.get("zxid").asText(), "same zxid: " + member);
                assertEquals(member.get("id").asInt() == follower, member.get("self").asBoolean());
            }
            client.close();
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
