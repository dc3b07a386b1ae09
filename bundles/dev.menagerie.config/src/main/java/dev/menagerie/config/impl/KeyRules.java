package dev.menagerie.config.impl;

import dev.menagerie.config.impl.KeyRule.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every zoo.cfg key and {@code zookeeper.*} system property Apache ZooKeeper 3.9 honours on a server, with what
 * Menagerie does about it. The rule: a key is implemented, or refused at start with one line naming it, or (only
 * where ignoring it weakens no security and loses no data, as a pure tuning knob) warned about in one line.
 * Apache's client-side properties ({@code zookeeper.client.secure}, {@code zookeeper.sasl.client}, ...) are not
 * listed: an Apache server ignores them too.
 */
final class KeyRules {

    private static final String FALSE = "false";
    /**
     * {@code authProvider.N} values that can work: a Java class name (Apache's providers we have, or the
     * {@code className} a plugin declares) or a scheme name (ours, or a plugin's), except the schemes that are the
     * server's own without a provider. Which plugins are installed only the server knows: it reports a missing one.
     */
    static final Pattern AUTH_PROVIDER_NAME = Pattern.compile(
            "(?!(world|super|auth)$)(([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*|[A-Za-z0-9][A-Za-z0-9_-]*)");

    static final List<KeyRule> ALL = build();

    private KeyRules() {
    }

    /** The rule covering {@code key}: an exact name before a family. */
    static Optional<KeyRule> find(String key) {
        Optional<KeyRule> exact = ALL.stream().filter(r -> !r.isFamily() && r.covers(key)).findFirst();
        return exact.isPresent() ? exact : ALL.stream().filter(r -> r.covers(key)).findFirst();
    }

    private static List<KeyRule> build() {
        List<KeyRule> rules = new ArrayList<>();
        basics(rules);
        quorum(rules);
        storageAndRequests(rules);
        connections(rules);
        security(rules);
        tls(rules);
        operations(rules);
        return List.copyOf(rules);
    }

    private static void basics(List<KeyRule> rules) {
        done(rules, "dataDir", "dataLogDir", "clientPort", "clientPortAddress", "secureClientPort",
                "secureClientPortAddress", "tickTime", "maxClientCnxns", "minSessionTimeout", "maxSessionTimeout",
                "autopurge.snapRetainCount", "autopurge.purgeInterval", "snapCount", "preAllocSize", "forceSync",
                "globalOutstandingLimit", "jute.maxbuffer", "4lw.commands.whitelist", "serverCnxnFactory",
                "extendedTypesEnabled", "enforceQuota", "closeSessionTxn.enabled", "snapshot.trust.empty",
                "znode.container.checkIntervalMs", "znode.container.maxNeverUsedIntervalMs",
                "znode.container.maxPerMinute", "quorumVerifier", "storage", "electionType", "datadir.autocreate",
                "fsync.warningthresholdms", "snapshot.compression.method");
        done(rules, "admin.enableServer", "admin.serverAddress", "admin.serverPort", "admin.commandURL");
        refused(rules, "dynamicConfigFile", "dynamic reconfiguration is not supported; put the server.N, group.G"
                + " and weight.N lines into zoo.cfg itself");
        warned(rules, "reconfigEnabled", "dynamic reconfiguration is not supported yet; reconfig requests are"
                + " answered UNIMPLEMENTED", FALSE);
        refused(rules, "emulate353TTLNodes", "TTL node ids of 3.5.3 are not emulated; a data directory written"
                + " with them would be misread", FALSE);
        refused(rules, "db.autocreate", "an empty database is always created when no snapshot exists", "true");
    }

    private static void quorum(List<KeyRule> rules) {
        done(rules, "initLimit", "syncLimit", "electionAlg", "peerType", "standaloneEnabled", "server.", "group.",
                "weight.", "commitLogCount", "leader.ackLoggingFrequency", "leader.maxConcurrentSnapSyncs",
                "leader.maxConcurrentDiffSyncs", "snapshotSizeFactor");
        warned(rules, "syncEnabled", "observers always log transactions to disk", "true");
        warned(rules, "quorumListenOnAllIPs", "the quorum and election ports listen on the server.N address",
                FALSE);
        warned(rules, "multiAddress.enabled", "only the first address of each server.N line is used", FALSE);
        warned(rules, "multiAddress.reachabilityCheckEnabled", "addresses are not checked for reachability");
        warned(rules, "multiAddress.reachabilityCheckTimeoutMs", "addresses are not checked for reachability");
        warned(rules, "observerMasterPort", "observers sync from the leader only");
        warned(rules, "connectToLearnerMasterLimit", "a learner connects within initLimit ticks");
        warned(rules, "leaderServes", "the leader always serves clients", "yes", "true");
        warned(rules, "localSessionsEnabled", "every session is global", FALSE);
        warned(rules, "localSessionsUpgradingEnabled", "every session is global");
        warned(rules, "readonlymode.enabled", "read-only mode is not supported; a server without a quorum turns"
                + " clients away", FALSE);
        warned(rules, "oraclePath", "the failure-detector oracle for two-server ensembles is not supported; the"
                + " quorum verifier alone decides");
        warned(rules, "cnxTimeout", "the election connect timeout is the fle component's cnxTimeout (5000 ms)");
        warned(rules, "quorumCnxnTimeoutMs", "quorum connections use the initLimit and syncLimit timeouts");
        warned(rules, "quorum.cnxn.threads.size", "quorum connections need no thread pool here");
        warned(rules, "electionPortBindRetry", "the election port is bound once; a failure stops the peer");
        warned(rules, "fastleader.minNotificationInterval", "the election's notification timing is fixed");
        warned(rules, "fastleader.maxNotificationInterval", "the election's notification timing is fixed");
        warned(rules, "observer.reconnectDelayMs", "observers reconnect at once");
        warned(rules, "observer.election.DelayMs", "observers look for a leader at once");
        warned(rules, "observerMaster.sizeLimit", "observers sync from the leader only");
        warned(rules, "leader.maxTimeToWaitForEpoch", "the leader waits initLimit ticks for epochs");
        warned(rules, "leader.closeSocketAsync", "sockets are closed by the role's own thread");
        warned(rules, "learner.closeSocketAsync", "sockets are closed by the role's own thread");
        warned(rules, "learner.asyncSending", "learners always send from their own sender thread");
        warned(rules, "leaderConnectDelayDuringRetryMs", "learners retry the leader on a fixed schedule");
        warned(rules, "forceSnapshotSync", "a testing switch of Apache's");
        warned(rules, "follower.skipLearnerRequestToNextProcessor", "an Apache pipeline switch with no"
                + " counterpart here");
        warned(rules, "forward_learner_requests_to_commit_processor_disabled", "an Apache pipeline switch with no"
                + " counterpart here");
        warned(rules, "messageTracker.BufferSize", "quorum messages are not tracked");
        warned(rules, "messageTracker.Enabled", "quorum messages are not tracked", FALSE);
        warned(rules, "test.allowDiscontinuousProposals", "a testing switch of Apache's", FALSE);
        warned(rules, "testingonly.initialZxid", "a testing switch of Apache's");
    }

    private static void storageAndRequests(List<KeyRule> rules) {
        warned(rules, "digest.enabled", "the tree digest is always computed, logged and checked", "true");
        warned(rules, "serializeLastProcessedZxid.enabled", "snapshots always carry the last processed zxid",
                "true");
        warned(rules, "snapSizeLimitInKb", "snapshots are taken by transaction count (snapCount) only");
        warned(rules, "txnLogSizeLimitInKb", "log files roll at each snapshot only");
        warned(rules, "maxBatchSize", "the log's group commit sizes its own batches");
        warned(rules, "flushDelay", "the log's group commit flushes as soon as it is idle");
        warned(rules, "maxWriteQueuePollTime", "the log's group commit flushes as soon as it is idle");
        String throttle = "requests are limited by globalOutstandingLimit only";
        warned(rules, "request_throttle_max_requests", throttle, "0");
        warned(rules, "request_throttle_stall_time", throttle);
        warned(rules, "request_throttle_drop_stale", throttle);
        warned(rules, "request_throttler.shutdownTimeout", throttle);
        warned(rules, "request_stale_latency_check", "a request is not judged stale by its latency", FALSE);
        warned(rules, "request_stale_connection_check", "a request of a closed connection is always stale: a read"
                + " is not answered, a write is applied and counted", "true");
        // The administrator's guide heads these with names Apache never reads; operators copy them into zoo.cfg.
        warned(rules, "requestThrottleLimit", throttle + " (Apache reads request_throttle_max_requests)");
        warned(rules, "requestThrottleStallTime", throttle + " (Apache reads request_throttle_stall_time)");
        warned(rules, "requestThrottleDropStale", throttle + " (Apache reads request_throttle_drop_stale)");
        warned(rules, "throttled_op_wait_time", "operations are not throttled");
        done(rules, "largeRequestMaxBytes", "largeRequestThreshold");
        warned(rules, "commitProcessor.", "the commit stage has no worker pool to tune");
        warned(rules, "watchManagerName", "the one watch manager is always used");
        warned(rules, "watcherCleanThreadsNum", "dead watchers are removed at once");
        warned(rules, "watcherCleanThreshold", "dead watchers are removed at once");
        warned(rules, "watcherCleanIntervalInSeconds", "dead watchers are removed at once");
        warned(rules, "maxInProcessingDeadWatchers", "dead watchers are removed at once");
        warned(rules, "bitHashCacheSize", "the one watch manager is always used");
        done(rules, "maxResponseCacheSize", "maxGetChildrenResponseCacheSize");
        warned(rules, "enableEagerACLCheck", "ACLs are checked when the request is prepared", FALSE);
        warned(rules, "intBufferStartingSizeBytes", "buffers are sized per response");
        warned(rules, "jute.maxbuffer.extrasize", "jute.maxbuffer alone limits records");
    }

    private static void connections(List<KeyRule> rules) {
        warned(rules, "clientPortListenBacklog", "the transport's default backlog is used", "-1");
        warned(rules, "maxCnxns", "connections are limited per address by maxClientCnxns only", "0");
        warned(rules, "tcpKeepAlive", "quorum sockets use the operating system's keepalive default", FALSE);
        warned(rules, "clientTcpKeepAlive", "client sockets use the operating system's keepalive default", FALSE);
        // Apache's BlueThrottle, read by the server bundle (ThrottleSettings).
        done(rules, "connection_throttle_tokens", "connection_throttle_fill_time", "connection_throttle_fill_count",
                "connection_throttle_freeze_time", "connection_throttle_drop_increase",
                "connection_throttle_drop_decrease", "connection_throttle_decrease_ratio",
                "connection_throttle_weight_enabled", "connection_throttle_global_session_weight",
                "connection_throttle_local_session_weight", "connection_throttle_renew_session_weight");
        warned(rules, "connection_throttle_", "not a connection throttle key of Apache ZooKeeper 3.9");
        warned(rules, "netty.advancedFlowControl.enabled", "the netty transport stops reading at"
                + " globalOutstandingLimit", FALSE);
        done(rules, "netty.server.outstandingHandshake.limit");
        warned(rules, "netty.server.earlyDropSecureConnectionHandshakes", "TLS handshakes are not dropped early",
                FALSE);
        warned(rules, "nio.numSelectorThreads", "the nio transport sizes its own selector threads");
        warned(rules, "nio.numWorkerThreads", "the nio transport has no worker pool");
        warned(rules, "nio.directBufferBytes", "the nio transport sizes its own buffers");
        warned(rules, "nio.sessionlessCnxnTimeout", "a connection that sends no connect request closes after"
                + " 10 s, Apache's default");
        warned(rules, "nio.shutdownTimeout", "the nio transport stops at once");
    }

    private static void security(List<KeyRule> rules) {
        done(rules, "DigestAuthenticationProvider.superDigest", "skipACL", "X509AuthenticationProvider.superUser",
                "DigestAuthenticationProvider.enabled", "DigestAuthenticationProvider.digestAlg");
        rules.add(new KeyRule("authProvider.", Support.REFUSED, "expected an authentication provider's scheme or"
                + " Java class name; world, super and auth are the server's own schemes", Set.of(),
                AUTH_PROVIDER_NAME));
        warned(rules, "IPAuthenticationProvider.usexforwardedfor", "the admin endpoint authenticates by the"
                + " connection's own address", FALSE);
        done(rules, "superUser", "superUser.", "sessionRequireClientSASLAuth", "enforce.auth.enabled",
                "enforce.auth.schemes", "allowSaslFailedClients", "letAnySaslUserDoX",
                "SASLAuthenticationProvider.superPassword", "sasl.serverconfig", "kerberos.removeHostFromPrincipal",
                "kerberos.removeRealmFromPrincipal", "security.auth_to_local", "kerberos.minReLoginTimeMs", "kinit",
                "requireKerberosConfig");
        // Read by the ensemble scheme's provider, which authProvider.N registers (as in Apache).
        done(rules, "ensembleAuthName");
        // Apache's server reads these two only for quorum Kerberos (the quorum bundle): the server.N host names in the
        // peers' principals (QuorumPeer.QuorumServer), and the realm a learner's SASL client appends
        // (SecurityUtils.createSaslClient) before it splits the principal into the GSSAPI service and host names.
        done(rules, "kerberos.canonicalizeHostNames", "server.realm");
        // Quorum SASL (DIGEST-MD5, or GSSAPI for a Krb5LoginModule JAAS section, in the quorum bundle).
        // PeerSettingsChecker holds Apache's combination rules of the three switches.
        done(rules, "quorum.auth.enableSasl", "quorum.auth.learnerRequireSasl", "quorum.auth.serverRequireSasl",
                "quorum.auth.learner.saslLoginContext", "quorum.auth.server.saslLoginContext",
                "quorum.auth.kerberos.servicePrincipal");
        warned(rules, "quorum.auth.", "not a quorum SASL key of Apache ZooKeeper 3.9");
        done(rules, "audit.enable");
        refused(rules, "audit.impl.class", "audit loggers other than Apache's Slf4jAuditLogger are not loaded",
                "org.apache.zookeeper.audit.slf4jauditlogger");
        // fips-mode=false lets quorum SASL learners use DIGEST-MD5, as in Apache; the host name checks it also asks
        // for are not done, so PeerSettingsChecker refuses it where they would apply.
        done(rules, "fips-mode");
    }

    private static void tls(List<KeyRule> rules) {
        done(rules, "ssl.keyStore.location", "ssl.keyStore.password", "ssl.keyStore.passwordPath",
                "ssl.keyStore.type", "ssl.trustStore.location", "ssl.trustStore.password",
                "ssl.trustStore.passwordPath", "ssl.trustStore.type", "ssl.clientAuth", "ssl.protocol",
                "ssl.enabledProtocols", "ssl.ciphersuites", "ssl.crl", "ssl.ocsp", "ssl.hostnameVerification",
                "ssl.clientHostnameVerification", "ssl.allowReverseDnsLookup", "client.portUnification",
                "client.certReload");
        // Quorum TLS. Host name checks between servers happen in Apache only with fips-mode=false (its
        // ZKTrustManager); in its default FIPS mode the three host name keys change nothing, and
        // PeerSettingsChecker refuses fips-mode=false with quorum TLS unless they are off.
        done(rules, "sslQuorum", "portUnification", "sslQuorumReloadCertFiles", "ssl.quorum.keyStore.location",
                "ssl.quorum.keyStore.password", "ssl.quorum.keyStore.passwordPath", "ssl.quorum.keyStore.type",
                "ssl.quorum.trustStore.location", "ssl.quorum.trustStore.password",
                "ssl.quorum.trustStore.passwordPath", "ssl.quorum.trustStore.type", "ssl.quorum.protocol",
                "ssl.quorum.enabledProtocols", "ssl.quorum.ciphersuites", "ssl.quorum.clientAuth",
                "ssl.quorum.hostnameVerification", "ssl.quorum.clientHostnameVerification",
                "ssl.quorum.allowReverseDnsLookup", "ssl.quorum.crl", "ssl.quorum.ocsp",
                "ssl.quorum.handshakeDetectionTimeoutMillis");
        refused(rules, "ssl.quorum.context.supplier.class", "SSL context supplier classes are not loaded");
        refused(rules, "ssl.context.supplier.class", "SSL context supplier classes are not loaded");
        refused(rules, "ssl.authProvider", "TLS clients are identified by the x509 scheme only", "x509");
        refused(rules, "ssl.sslProvider", "only the JDK's TLS provider is used", "jdk");
        warned(rules, "ssl.handshakeDetectionTimeoutMillis", "Apache applies it to the quorum's unified port"
                + " only; the client port detects TLS from the first bytes without a timeout");
    }

    private static void operations(List<KeyRule> rules) {
        warned(rules, "admin.idleTimeout", "the admin endpoint closes idle connections itself");
        warned(rules, "admin.httpVersion", "the admin endpoint speaks HTTP/1.1");
        done(rules, "admin.rateLimiterIntervalInMS", "admin.snapshot.enabled", "admin.restore.enabled");
        done(rules, "admin.portUnification", "admin.forceHttps", "admin.needClientAuth");
        // The provider bundle validates its own settings; the runtime reports a className no bundle provides.
        done(rules, "metricsProvider.className", "metricsProvider.httpHost", "metricsProvider.httpPort",
                "metricsProvider.exportJvmInfo");
        warned(rules, "metricsProvider.", "the registry records values on the calling thread, lock-free, with no"
                + " worker queue to size");
        done(rules, "jvm.pause.monitor", "jvm.pause.sleep.time.ms", "jvm.pause.info-threshold.ms",
                "jvm.pause.warn-threshold.ms");
        warned(rules, "pathStats.", "per-path statistics are not collected");
        warned(rules, "jmx.log4j.disable", "no log4j MBeans are registered");
        warned(rules, "jmx.log4j.mbean", "no log4j MBeans are registered");
        warned(rules, "controllerPort", "Apache's test controller is not offered");
    }

    private static void done(List<KeyRule> rules, String... names) {
        for (String name : names) {
            rules.add(new KeyRule(name, Support.IMPLEMENTED, "", Set.of(), null));
        }
    }

    private static void refused(List<KeyRule> rules, String name, String why, String... inert) {
        refused(rules, name, why, Set.of(inert));
    }

    private static void refused(List<KeyRule> rules, String name, String why, Set<String> inert) {
        rules.add(new KeyRule(name, Support.REFUSED, why, inert, null));
    }

    private static void warned(List<KeyRule> rules, String name, String why, String... inert) {
        rules.add(new KeyRule(name, Support.WARNED, why, Set.of(inert), null));
    }
}
