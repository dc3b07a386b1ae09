package dev.menagerie.admin.impl.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Installed and bound strategies a test sets by hand. */
public final class FakeStrategyInventory implements StrategyInventory {

    public final Map<StrategyRole, List<StrategyProvider>> installed = new EnumMap<>(StrategyRole.class);
    public final Map<StrategyRole, List<String>> bound = new EnumMap<>(StrategyRole.class);

    /** The distribution's strategies, each bound. */
    public static FakeStrategyInventory distribution() {
        FakeStrategyInventory inventory = new FakeStrategyInventory();
        inventory.install(StrategyRole.CNXN_FACTORY, "nio", "dev.menagerie.transport.nio 1.0.0");
        inventory.install(StrategyRole.CNXN_FACTORY, "netty", "dev.menagerie.transport.netty 1.0.0");
        inventory.install(StrategyRole.STORAGE, "file", "dev.menagerie.storage.file 1.0.0");
        inventory.install(StrategyRole.ELECTION, "fast", "dev.menagerie.election.fle 1.0.0");
        inventory.install(StrategyRole.VERIFIER, "hierarchical", "dev.menagerie.quorum.hierarchical 1.0.0");
        inventory.install(StrategyRole.VERIFIER, "majority", "dev.menagerie.quorum.majority 1.0.0");
        inventory.bound.put(StrategyRole.CNXN_FACTORY, List.of("nio"));
        inventory.bound.put(StrategyRole.STORAGE, List.of("file"));
        inventory.bound.put(StrategyRole.ELECTION, List.of("fast"));
        inventory.bound.put(StrategyRole.VERIFIER, List.of("majority"));
        return inventory;
    }

    public void install(StrategyRole role, String type, String bundle) {
        installed.computeIfAbsent(role, r -> new ArrayList<>()).add(new StrategyProvider(type, bundle));
    }

    @Override
    public List<StrategyProvider> installed(StrategyRole role) {
        return installed.getOrDefault(role, List.of()).stream()
                .sorted(Comparator.comparing(StrategyProvider::type)).toList();
    }

    @Override
    public List<String> bound(StrategyRole role) {
        return bound.getOrDefault(role, List.of());
    }
}
