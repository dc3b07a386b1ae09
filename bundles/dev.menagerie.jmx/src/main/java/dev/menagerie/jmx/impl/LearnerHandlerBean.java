package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.api.status.ServerStatus;
import java.net.InetSocketAddress;
import java.util.List;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A learner's connection to this leader; terminating it goes through the status service. */
final class LearnerHandlerBean implements LearnerHandlerMXBean {

    static final String LEVEL = "Learner_Connections";

    private static final Logger LOG = LoggerFactory.getLogger(LearnerHandlerBean.class);

    private final ServerStatus status;
    private final LearnerConnection learner;

    LearnerHandlerBean(ServerStatus status, LearnerConnection learner) {
        this.status = status;
        this.learner = learner;
    }

    /** The three levels below the leader bean: {@code Learner_Connections}, the quoted address, the quoted id. */
    static List<String> levels(LearnerConnection learner) {
        return List.of(LEVEL, ObjectName.quote(address(learner.remoteAddress())), "\"id:" + learner.sid() + "\"");
    }

    /** {@code <ip>:<port>}, or Apache's {@code Unknown} when the address is not known. */
    private static String address(InetSocketAddress address) {
        return address.isUnresolved() ? "Unknown" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public void terminateConnection() {
        boolean dropped = status.terminateLearnerConnection(learner.sid());
        if (!dropped) {
            // Already gone: Apache's operation on a closing handler does nothing either.
            LOG.info("JMX terminateConnection: learner {} is no longer connected", learner.sid());
        }
    }
}
