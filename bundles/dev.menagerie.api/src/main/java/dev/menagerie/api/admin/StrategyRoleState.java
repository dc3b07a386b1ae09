package dev.menagerie.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * One strategy role as a {@link StrategySwitcher} sees it.
 *
 * @param role the reference name consumers bind the strategy under, such as {@code cnxnFactory}
 * @param zooCfgKey the zoo.cfg key that selects it, such as {@code serverCnxnFactory}
 * @param selected the type the configuration in force selects; null before a configuration is published
 * @param installed the registered implementations, sorted by type
 * @param bound the types bound to the role now, sorted; empty while none is
 * @param switchRefusal why {@link StrategySwitcher#switchStrategy} would refuse any type for this role now, or
 *     null when it may switch
 */
public record StrategyRoleState(String role, String zooCfgKey, String selected, List<Implementation> installed,
        List<String> bound, String switchRefusal) {

    public StrategyRoleState {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(zooCfgKey, "zooCfgKey");
        installed = List.copyOf(installed);
        bound = List.copyOf(bound);
    }

    /**
     * One registered implementation of a role.
     *
     * @param type its {@code type} service property
     * @param bundle the registering bundle, {@code <symbolic name> <version>}
     */
    public record Implementation(String type, String bundle) {
    }
}
