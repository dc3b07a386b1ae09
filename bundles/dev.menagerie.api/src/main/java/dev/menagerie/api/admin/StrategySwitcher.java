package dev.menagerie.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Selects another strategy for a role the way an operator's live zoo.cfg edit does, so the choice survives a
 * restart and passes the same checks. The admin bundle registers it; its Gogo {@code menagerie:switch} command and
 * the web console both switch through it.
 *
 * <p>A switch is refused, leaving zoo.cfg and the bound strategy alone, when the role is unknown, when no running
 * bundle registers the type, when the role is the quorum verifier of an ensemble (that changes through
 * reconfiguration), or when the server's own parser refuses the edited file. Otherwise the key is rewritten in
 * place (written next to the file, checked, moved over it) and the call waits until the config bundle published
 * the new revision and the new type is bound, or the timeout passed.
 */
@ProviderType
public interface StrategySwitcher {

    /** Every strategy role with the type zoo.cfg selects, the installed and the bound implementations. */
    List<StrategyRoleState> roles();

    /**
     * Switches {@code role} (its reference name, such as {@code cnxnFactory}, or its zoo.cfg key, such as
     * {@code serverCnxnFactory}, ignoring case) to {@code type}, waiting at most {@code timeoutMs} for the new type
     * to be bound.
     *
     * @throws InterruptedException when interrupted while waiting; zoo.cfg may then already be rewritten
     */
    StrategySwitchResult switchStrategy(String role, String type, long timeoutMs) throws InterruptedException;
}
