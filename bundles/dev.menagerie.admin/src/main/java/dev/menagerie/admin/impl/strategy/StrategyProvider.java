package dev.menagerie.admin.impl.strategy;

/**
 * One registered strategy service: the {@code type} it offers and the bundle that registered it.
 *
 * @param type the service's {@code type} property
 * @param bundle the registering bundle's symbolic name and version, {@code <name> <version>}
 */
public record StrategyProvider(String type, String bundle) {
}
