package dev.menagerie.launcher.impl;

import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.plugin.StrategyServices;
import java.util.function.Function;

/** A strategy provider made of its parts, for the launcher's tests. */
final class TestProvider<S> extends BasicStrategyProvider<S> {

    TestProvider(Class<S> role, String type, Function<StrategyServices, S> maker) {
        super(role, type, maker);
    }
}
