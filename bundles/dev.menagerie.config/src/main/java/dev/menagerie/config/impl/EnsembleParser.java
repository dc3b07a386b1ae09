package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the membership lines and checks them as a whole: ids are unique, no two servers share an address, groups
 * cover every participant exactly once and name only listed servers, weights belong to listed servers and are not
 * negative, and a quorum configuration has at least one member that votes.
 */
final class EnsembleParser {

    private final Settings settings;
    private final boolean multiAddressEnabled;
    private final List<String> warnings;

    EnsembleParser(Settings settings, boolean multiAddressEnabled, List<String> warnings) {
        this.settings = settings;
        this.multiAddressEnabled = multiAddressEnabled;
        this.warnings = warnings;
    }

    /** Parses the membership; {@code serverLines} are all {@code server.N} entries in file order. */
    Ensemble parse(List<ConfigLine> allLines) throws ConfigException {
        Map<Long, ServerLine> servers = parseServers(allLines);
        Map<Long, Long> groupOf = parseGroups(allLines, servers);
        Map<Long, Long> weightOf = parseWeights(allLines, servers);
        checkDistinctAddresses(servers);
        List<QuorumMember> members = new ArrayList<>();
        for (ServerLine line : servers.values()) {
            long group = groupOf.getOrDefault(line.id(), QuorumMember.NO_GROUP);
            long weight = weightOf.getOrDefault(line.id(), 1L);
            members.add(new QuorumMember(line.id(), line.quorumAddress(), line.electionAddress(),
                    line.clientAddress(), line.type(), group, weight));
        }
        Ensemble ensemble = new Ensemble(List.copyOf(members), Map.copyOf(servers), !groupOf.isEmpty());
        checkVoters(ensemble);
        return ensemble;
    }

    private Map<Long, ServerLine> parseServers(List<ConfigLine> allLines) throws ConfigException {
        Map<Long, ServerLine> servers = new TreeMap<>();
        for (ConfigLine line : allLines) {
            Matcher m = KeyCatalog.SERVER_KEY.matcher(line.key());
            if (!m.matches()) {
                continue;
            }
            Setting setting = setting(line);
            long id = parseId(m.group(1), setting, "server id");
            ServerLine parsed = ServerLineParser.parse(id, setting, multiAddressEnabled, warnings);
            ServerLine earlier = servers.put(id, parsed);
            if (earlier != null) {
                throw setting.error("duplicate server id " + id + ", already defined at "
                        + earlier.setting().origin());
            }
        }
        return servers;
    }

    private Map<Long, Long> parseGroups(List<ConfigLine> allLines, Map<Long, ServerLine> servers)
            throws ConfigException {
        Map<Long, Long> groupOf = new HashMap<>();
        Map<Long, Setting> groupLine = new HashMap<>();
        for (ConfigLine line : allLines) {
            Matcher m = KeyCatalog.GROUP_KEY.matcher(line.key());
            if (!m.matches()) {
                continue;
            }
            Setting setting = setting(line);
            long group = parseId(m.group(1), setting, "group id");
            if (groupLine.put(group, setting) != null) {
                throw setting.error("group " + group + " is defined twice");
            }
            for (String member : splitMembers(setting)) {
                long id = parseId(member, setting, "server id");
                ServerLine server = servers.get(id);
                if (server == null) {
                    throw setting.error("server " + id + " is not defined by a server." + id + " line");
                }
                if (server.type() == LearnerType.OBSERVER) {
                    throw setting.error("server " + id + " is an observer; groups hold only participants");
                }
                Long previous = groupOf.put(id, group);
                if (previous != null) {
                    throw setting.error("server " + id + " is already in group " + previous
                            + "; a server belongs to one group only");
                }
            }
        }
        if (!groupOf.isEmpty()) {
            for (ServerLine server : servers.values()) {
                if (server.type() == LearnerType.PARTICIPANT && !groupOf.containsKey(server.id())) {
                    throw server.setting().error("server " + server.id()
                            + " is a participant but is in no group; with group.G lines every participant"
                            + " must be in exactly one group");
                }
            }
        }
        return groupOf;
    }

    private static String[] splitMembers(Setting setting) throws ConfigException {
        if (setting.value().isEmpty()) {
            throw setting.invalid("server ids separated by ':'");
        }
        return setting.value().split(":", -1);
    }

    private Map<Long, Long> parseWeights(List<ConfigLine> allLines, Map<Long, ServerLine> servers)
            throws ConfigException {
        Map<Long, Long> weightOf = new HashMap<>();
        for (ConfigLine line : allLines) {
            Matcher m = KeyCatalog.WEIGHT_KEY.matcher(line.key());
            if (!m.matches()) {
                continue;
            }
            Setting setting = setting(line);
            long id = parseId(m.group(1), setting, "server id");
            if (!servers.containsKey(id)) {
                throw setting.error("server " + id + " is not defined by a server." + id + " line");
            }
            long weight;
            try {
                weight = Long.parseLong(setting.value());
            } catch (NumberFormatException e) {
                throw setting.invalid("a weight of 0 or more");
            }
            if (weight < 0) {
                throw setting.invalid("a weight of 0 or more");
            }
            if (weightOf.put(id, weight) != null) {
                throw setting.error("weight of server " + id + " is set twice");
            }
        }
        return weightOf;
    }

    /** No address (host and port) may be used twice; the wildcard host is exempt as Apache exempts it. */
    private static void checkDistinctAddresses(Map<Long, ServerLine> servers) throws ConfigException {
        Map<String, ServerLine> owner = new HashMap<>();
        for (ServerLine server : servers.values()) {
            for (HostPort address : addressesOf(server)) {
                String key = address.host().toLowerCase(java.util.Locale.ROOT) + "|" + address.port();
                ServerLine other = owner.putIfAbsent(key, server);
                if (other != null && other != server) {
                    throw server.setting().error("address " + address + " is also used by server." + other.id()
                            + " (" + other.setting().origin() + ")");
                }
                if (other == server) {
                    throw server.setting().error("address " + address + " is used twice in the same line");
                }
            }
        }
    }

    private static List<HostPort> addressesOf(ServerLine server) {
        List<HostPort> addresses = new ArrayList<>();
        addresses.add(server.quorumAddress());
        addresses.add(server.electionAddress());
        if (server.clientAddress() != null) {
            addresses.add(server.clientAddress());
        }
        addresses.removeIf(a -> isWildcard(a.host()));
        return addresses;
    }

    private static final Pattern WILDCARD = Pattern.compile("0\\.0\\.0\\.0|::|0:0:0:0:0:0:0:0|\\*");

    static boolean isWildcard(String host) {
        return host.isEmpty() || WILDCARD.matcher(host).matches();
    }

    private void checkVoters(Ensemble ensemble) throws ConfigException {
        if (ensemble.isEmpty()) {
            return;
        }
        if (ensemble.participantCount() == 0) {
            throw settings.missing("server.N", "every server is an observer; a quorum needs at least one"
                    + " participant");
        }
        if (ensemble.participantCount() >= 2 && ensemble.voterCount() == 0) {
            throw settings.missing("weight.N", "every participant has weight 0, so no server can vote");
        }
    }

    private static long parseId(String text, Setting setting, String what) throws ConfigException {
        try {
            long id = Long.parseLong(text.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw setting.error(what + " \"" + text + "\" is not a number of 0 or more");
    }

    private Setting setting(ConfigLine line) {
        return new Setting(line.key(), line.value(), settings.fileName() + ":" + line.lineNumber());
    }
}
