package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes zoo.cfg and follows its edits: each valid version is registered under the next revision before the
 * previous registration goes away (greedy consumers switch without a gap); an invalid version is reported in one
 * line and the previous configuration stays. Free of OSGi so that tests can drive it directly.
 */
final class ConfigPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigPublisher.class);

    private final Path configFile;
    private final ConfigParser parser;
    private final ConfigSink sink;

    private ParsedServerConfig current;
    private Runnable currentRegistration;
    private Map<String, String> writtenTargets;
    private FileStamp seenStamp = FileStamp.ABSENT;
    /** Whether the last edit was refused for a strategy type no bundle provides; guarded by this. */
    private boolean refusedForMissingType;

    ConfigPublisher(Path configFile, ConfigParser parser, ConfigSink sink) {
        this.configFile = configFile;
        this.parser = parser;
        this.sink = sink;
    }

    /** Reads the file for the first time; false (after one ERROR line) when it is invalid. */
    synchronized boolean start() {
        seenStamp = FileStamp.of(configFile);
        try {
            publish(parser.parse(configFile));
            LOG.info("Configuration {} accepted: {}", configFile, ConfigCheck.summary(current));
            return true;
        } catch (ConfigException e) {
            LOG.error("Invalid configuration, nothing published: {}", e.getMessage());
            return false;
        }
    }

    /** Called by the watcher: reloads when the modification time or the size changed since the last look. */
    synchronized void reloadIfChanged() {
        FileStamp stamp = FileStamp.of(configFile);
        if (stamp.equals(seenStamp)) {
            return;
        }
        seenStamp = stamp;
        reload();
    }

    /**
     * Called when strategy services come or go: an edit refused because no bundle provided its type is tried
     * again, so deploying the bundle makes the edit apply.
     */
    synchronized void strategiesChanged() {
        if (refusedForMissingType) {
            reload();
        }
    }

    private void reload() {
        refusedForMissingType = false;
        ParseResult result;
        try {
            result = parser.parse(configFile);
        } catch (ConfigException e) {
            LOG.error("Invalid change to the configuration, keeping revision {}: {}",
                    current == null ? "none" : current.revision(), e.getMessage());
            return;
        }
        if (current == null) {
            publish(result);
            LOG.info("Configuration {} accepted: {}", configFile, ConfigCheck.summary(current));
            return;
        }
        Set<String> changed = ConfigDiff.changedKeys(current, result.config());
        if (changed.isEmpty()) {
            return;
        }
        List<String> restartOnly = RestartOnlyStrategies.refusals(current, result.config());
        if (!restartOnly.isEmpty()) {
            LOG.error("Refused change to the configuration, keeping revision {}: {}", current.revision(),
                    String.join("; ", restartOnly));
            return;
        }
        List<String> missing = missingTypes(result.config());
        if (!missing.isEmpty()) {
            refusedForMissingType = true;
            LOG.error("Refused change to the configuration, keeping revision {}: {}; the edit applies once a bundle"
                    + " provides it", current.revision(), String.join("; ", missing));
            return;
        }
        Set<String> needRestart = result.config().keysNeedingRestart(current);
        publish(result);
        LOG.info("Configuration revision {} published; changed keys: {}", current.revision(), changed);
        if (!needRestart.isEmpty()) {
            LOG.warn("Configuration keys {} changed but take effect only after a restart", needRestart);
        }
    }

    private void publish(ParseResult result) {
        long revision = current == null ? 1 : current.revision() + 1;
        ParsedServerConfig next = result.config().withRevision(revision);
        result.warnings().forEach(w -> LOG.warn("{}", w));
        result.unknownKeys().forEach(u -> LOG.warn("{}", u));
        sink.setSystemProperties(result.systemProperties());
        Runnable previousRegistration = currentRegistration;
        currentRegistration = sink.register(next);
        current = next;
        if (previousRegistration != null) {
            previousRegistration.run();
        }
        Map<String, String> targets = targetsOf(next);
        if (!targets.equals(writtenTargets)) {
            sink.writeTargets(targets, revision);
            writtenTargets = targets;
        }
    }

    /**
     * {@code electionType=priority: no installed bundle provides it (installed: fast)} for each strategy whose
     * type {@code next} changes to one that no registered service offers: switching to it would unbind the
     * current strategy and leave the role empty.
     */
    private List<String> missingTypes(ParsedServerConfig next) {
        List<String> missing = new ArrayList<>();
        for (String reference : StrategyTargets.REFERENCES) {
            String wanted = StrategyTargets.selectedType(next, reference);
            if (wanted.equals(StrategyTargets.selectedType(current, reference))) {
                continue;
            }
            Set<String> installed = sink.installedTypes(reference);
            if (!installed.contains(wanted)) {
                missing.add(StrategyTargets.notProvided(reference, wanted, "installed bundle", installed));
            }
        }
        return missing;
    }

    /** Unregisters the current configuration. */
    synchronized void stop() {
        if (currentRegistration != null) {
            currentRegistration.run();
            currentRegistration = null;
        }
    }

    synchronized ParsedServerConfig current() {
        return current;
    }

    /** {@code <reference>.target} filters for the four strategies. */
    static Map<String, String> targetsOf(ServerConfig config) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String reference : StrategyTargets.REFERENCES) {
            targets.put(StrategyTargets.targetProperty(reference),
                    StrategyTargets.filterFor(StrategyTargets.selectedType(config, reference)));
        }
        return targets;
    }
}
