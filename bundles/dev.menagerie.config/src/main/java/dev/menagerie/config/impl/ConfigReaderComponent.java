package dev.menagerie.config.impl;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ConfigReader} service: the parser the server's own zoo.cfg goes through, with its warnings logged. */
@Component(service = ConfigReader.class)
public final class ConfigReaderComponent implements ConfigReader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReaderComponent.class);

    @Override
    public ServerConfig read(Path zooCfg, Map<String, String> systemProperties) throws InvalidConfigException {
        try {
            ParseResult result = new ConfigParser(systemProperties).parse(zooCfg);
            result.warnings().forEach(w -> LOG.warn("{}", w));
            result.unknownKeys().forEach(u -> LOG.warn("{}", u));
            return result.config();
        } catch (ConfigException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }
}
