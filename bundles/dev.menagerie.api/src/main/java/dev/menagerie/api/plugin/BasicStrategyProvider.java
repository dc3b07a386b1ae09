package dev.menagerie.api.plugin;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link StrategyProvider} in one constructor call, for a strategy bundle's provider class:
 * {@code public NioProvider() { super(ServerCnxnFactory.class, "nio", services -> new NioServerCnxnFactory()); }}.
 *
 * @param <S> the role's service interface
 */
public abstract class BasicStrategyProvider<S> implements StrategyProvider<S> {

    private final Class<S> role;
    private final String type;
    private final Function<StrategyServices, ? extends S> maker;

    /**
     * @param role the role's service interface
     * @param type the strategy's {@code type}, as zoo.cfg names it
     * @param maker makes a new strategy from the services its component would be injected with
     */
    protected BasicStrategyProvider(Class<S> role, String type, Function<StrategyServices, ? extends S> maker) {
        this.role = Objects.requireNonNull(role, "role");
        this.type = Objects.requireNonNull(type, "type");
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public final Class<S> role() {
        return role;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final S create(StrategyServices services) {
        return maker.apply(services);
    }
}
