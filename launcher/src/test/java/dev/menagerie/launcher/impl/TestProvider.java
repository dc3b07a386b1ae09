package dev.menagerie.launcher.impl;

import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.api.plugin.StrategyServices;
import java.util.function.Function;

/** A strategy provider made of its parts, for the launcher's tests. */
record TestProvider<S>(Class<S> role, String type, Function<StrategyServices, S> maker) implements StrategyProvider<S> {

    @Override
    public S create(StrategyServices services) {
        return maker.apply(services);
    }
}
