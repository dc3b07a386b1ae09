package dev.menagerie.it.process;

import dev.menagerie.testing.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache ZooKeeper 3.9.5's {@code ZooKeeperServerMain} in a child JVM, with this JVM's class path (the zookeeper
 * jars are test dependencies). Its Jetty admin server is off unless a test's extra configuration turns it on
 * (AdminCommandsDifferentialTest does), as it would otherwise take port 8080.
 */
public final class ApacheServer extends ServerProcess {

    private static final String MAIN_CLASS = "org.apache.zookeeper.server.ZooKeeperServerMain";

    private final List<String> jvmFlags;

    public ApacheServer(String name, Path workDir, Path dataDir, int clientPort, Map<String, String> extraConfig,
            List<String> jvmFlags) {
        super(name, workDir, dataDir, clientPort, extraConfig);
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    public static ApacheServer forTest(String name, Path workDir, Map<String, String> extraConfig) {
        return new ApacheServer(name, workDir, workDir.resolve(name + "-data"), FreePorts.next(), extraConfig,
                List.of("-Xmx512m"));
    }

    @Override
    protected Map<String, String> ownConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("admin.enableServer", "false");
        config.put("4lw.commands.whitelist", "srvr,ruok,stat,mntr");
        return config;
    }

    @Override
    protected List<String> command(Path configFile) {
        List<String> command = new ArrayList<>(List.of(Distribution.java(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dzookeeper.log.dir=" + workDir(),
                // Apache's bin/zkServer.sh passes these two as well.
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:OnOutOfMemoryError=kill -9 %p"));
        command.addAll(jvmFlags);
        command.add(MAIN_CLASS);
        command.add(configFile.toString());
        return command;
    }
}
