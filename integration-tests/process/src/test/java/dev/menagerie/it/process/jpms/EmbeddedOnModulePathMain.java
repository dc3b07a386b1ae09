package dev.menagerie.it.process.jpms;

import dev.menagerie.embedded.EmbeddedEnsemble;
import dev.menagerie.embedded.EmbeddedServer;

/**
 * A program that embeds Menagerie, run by {@link EmbeddedOnModulePathTest} on the module path: it starts a standalone
 * server and a 3-server ensemble on memory storage, prints where they listen, and stops them when its standard input
 * closes.
 */
public final class EmbeddedOnModulePathMain {

    private EmbeddedOnModulePathMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("MODULE " + EmbeddedServer.class.getModule().getName());
        try (EmbeddedServer server = EmbeddedServer.standalone().transport("netty").start();
                EmbeddedEnsemble ensemble = EmbeddedEnsemble.of(3).start()) {
            System.out.println("STANDALONE " + server.connectString());
            System.out.println("ENSEMBLE " + ensemble.connectString());
            System.out.println("LEADER " + ensemble.leader());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our standard input
            }
        }
        System.out.println("STOPPED");
    }
}
