package dev.menagerie.quorum.hierarchical.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.quorum.contract.Ensembles;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.zookeeper.server.quorum.flexible.QuorumHierarchical;
import org.junit.jupiter.api.Test;

/** Our hierarchical verifier gives Apache ZooKeeper 3.9's answer for every subset of random ensembles. */
class AgreementWithApacheQuorumHierarchicalTest {

    @Test
    void everySubsetGetsTheAnswerApacheGives() throws Exception {
        Random seeds = new Random();
        for (int trial = 0; trial < 100; trial++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            List<QuorumMember> members = Ensembles.randomEnsemble(random, 1 + random.nextInt(7));
            QuorumVerifier ours = new HierarchicalVerifierFactory().create(members);
            QuorumHierarchical apache = new QuorumHierarchical(asZooCfg(members));
            for (int mask = 0; mask < 1 << members.size(); mask++) {
                Set<Long> ids = subset(members, mask);
                assertEquals(apache.containsQuorum(ids), ours.containsQuorum(ids),
                        "seed " + seed + ", " + Ensembles.describe(members) + ", subset " + ids);
            }
        }
    }

    /**
     * The zoo.cfg lines for these members. Observers stay out of the group lines: Apache ZooKeeper has no default
     * weight for an observer in a group and fails on it.
     */
    private static Properties asZooCfg(List<QuorumMember> members) {
        Properties cfg = new Properties();
        Map<Long, StringJoiner> groups = new TreeMap<>();
        for (QuorumMember m : members) {
            boolean observer = m.type() == LearnerType.OBSERVER;
            cfg.setProperty("server." + m.id(), "127.0.0.1:" + m.quorumAddress().port() + ":"
                    + m.electionAddress().port() + ":" + (observer ? "observer" : "participant"));
            if (!observer) {
                groups.computeIfAbsent(m.group(), g -> new StringJoiner(":")).add(Long.toString(m.id()));
                cfg.setProperty("weight." + m.id(), Long.toString(m.weight()));
            }
        }
        groups.forEach((group, ids) -> cfg.setProperty("group." + group, ids.toString()));
        return cfg;
    }

    private static Set<Long> subset(List<QuorumMember> members, int mask) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                ids.add(members.get(i).id());
            }
        }
        return ids;
    }
}
