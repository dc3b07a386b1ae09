package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.core.ServerSettings.setting;

import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The four keys of one store ({@code <prefix>.location}, {@code .password}, {@code .passwordPath},
 * {@code .type}) read as Apache reads them: a password file wins over the password, and an unset type is
 * inferred from the file's extension.
 */
final class StoreKeys {

    private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(".jks", "JKS", ".p12", "PKCS12",
            ".pem", "PEM", ".bcfks", "BCFKS");

    private StoreKeys() {
    }

    static TlsPlan.StorePlan read(ServerConfig config, String prefix) {
        String location = blankToNull(setting(config, prefix + ".location"));
        String password = setting(config, prefix + ".password");
        String passwordPath = blankToNull(setting(config, prefix + ".passwordPath"));
        if (passwordPath != null) {
            password = readPassword(prefix + ".passwordPath", passwordPath);
        }
        return new TlsPlan.StorePlan(location, password, location == null ? null : type(prefix, location,
                blankToNull(setting(config, prefix + ".type"))));
    }

    private static String type(String prefix, String location, String configured) {
        String type;
        if (configured != null) {
            type = configured.trim().toUpperCase(Locale.ROOT);
        } else {
            int dot = location.lastIndexOf('.');
            type = dot < 0 ? null : TYPE_BY_EXTENSION.get(location.substring(dot));
            if (type == null) {
                throw new IllegalArgumentException(prefix + ".type is not set and cannot be inferred from the file"
                        + " name " + location + " (.jks, .p12, .pem)");
            }
        }
        return switch (type) {
            case "JKS", "PKCS12", "PEM" -> type;
            case "BCFKS" -> throw new IllegalArgumentException(prefix + ".type BCFKS is not supported (it needs the"
                    + " Bouncy Castle FIPS provider); use JKS, PKCS12 or PEM");
            default -> throw new IllegalArgumentException(prefix + ".type=" + configured
                    + " is not one of JKS, PKCS12, PEM");
        };
    }

    /** As Apache: the file's text, without one trailing line separator. */
    private static String readPassword(String key, String file) {
        try {
            String secret = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            String separator = System.lineSeparator();
            return secret.endsWith(separator) ? secret.substring(0, secret.length() - separator.length()) : secret;
        } catch (IOException e) {
            throw new IllegalArgumentException(key + "=" + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
