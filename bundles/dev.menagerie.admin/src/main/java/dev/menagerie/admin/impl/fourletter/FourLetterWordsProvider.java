package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.status.FourLetterWordHandler;

/**
 * The four-letter words on the module path, where {@link java.util.ServiceLoader} finds this provider: the only part
 * of the admin bundle that runs without the framework (no HTTP server, no Gogo commands).
 */
public final class FourLetterWordsProvider extends BasicStrategyProvider<FourLetterWordHandler> {

    public FourLetterWordsProvider() {
        super(FourLetterWordHandler.class, "admin",
                services -> new FourLetterWords(services.service(MetricsRegistry.class)));
    }
}
