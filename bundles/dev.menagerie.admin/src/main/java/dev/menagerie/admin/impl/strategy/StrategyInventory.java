package dev.menagerie.admin.impl.strategy;

import java.util.List;

/** Which strategies are installed and bound, behind an interface so the commands can be tested without a framework. */
public interface StrategyInventory {

    /** The registered services of the role's interface, sorted by type. */
    List<StrategyProvider> installed(StrategyRole role);

    /** The types bound to the role's reference by active components, sorted; empty while none is bound. */
    List<String> bound(StrategyRole role);
}
