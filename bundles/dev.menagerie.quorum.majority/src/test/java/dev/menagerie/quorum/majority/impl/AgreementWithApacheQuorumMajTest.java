package dev.menagerie.quorum.majority.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.quorum.contract.Ensembles;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.zookeeper.server.quorum.flexible.QuorumMaj;
import org.junit.jupiter.api.Test;

/** Our majority gives Apache ZooKeeper 3.9's answer for every subset of random ensembles. */
class AgreementWithApacheQuorumMajTest {

    @Test
    void everySubsetGetsTheAnswerApacheGives() throws Exception {
        long runSeed = new Random().nextLong();
        Random seeds = new Random(runSeed);
        for (int trial = 0; trial < 100; trial++) {
            long seed = seeds.nextLong();
            List<QuorumMember> members = Ensembles.randomEnsemble(new Random(seed), 1 + new Random(seed).nextInt(7));
            QuorumVerifier ours = new MajorityVerifierFactory().create(members);
            QuorumMaj apache = new QuorumMaj(asZooCfg(members));
            for (int mask = 0; mask < 1 << members.size(); mask++) {
                Set<Long> ids = subset(members, mask);
                // Apache assumes the set holds voters only; its callers filter first, so do we here.
                Set<Long> voters = new HashSet<>(ids);
                voters.retainAll(apache.getVotingMembers().keySet());
                assertEquals(apache.containsQuorum(voters), ours.containsQuorum(ids),
                        "seed " + seed + ", " + Ensembles.describe(members) + ", subset " + ids);
            }
            assertEquals(apache.getVotingMembers().keySet(), ours.votingMembers(), "seed " + seed);
        }
    }

    static Properties asZooCfg(List<QuorumMember> members) {
        Properties cfg = new Properties();
        for (QuorumMember m : members) {
            String type = m.type() == LearnerType.OBSERVER ? "observer" : "participant";
            cfg.setProperty("server." + m.id(), "127.0.0.1:" + m.quorumAddress().port() + ":"
                    + m.electionAddress().port() + ":" + type);
            cfg.setProperty("weight." + m.id(), Long.toString(m.weight()));
        }
        return cfg;
    }

    static Set<Long> subset(List<QuorumMember> members, int mask) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                ids.add(members.get(i).id());
            }
        }
        return ids;
    }
}
