package io.nexussync.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;

/**
 * Typed, validated access to configuration keys. Every failure is an {@link InvalidSettingException} that names the
 * key; secret keys never have their value echoed.
 */
public final class SettingsReader {

    private final Function<String, Optional<String>> source;

    public SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static SettingsReader of(CamelContext context) {
        return new SettingsReader(key -> context.getPropertiesComponent().resolveProperty(key).map(String::trim));
    }

    public String string(String key, String defaultValue) {
        return source.apply(key).orElse(defaultValue);
    }

    public String required(String key) {
        String value = string(key, "");
        if (value.isEmpty()) {
            throw new InvalidSettingException(key, "must be set");
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        String raw = string(key, "");
        long value;
        if (raw.isEmpty()) {
            value = defaultValue;
        } else {
            try {
                value = Long.parseLong(raw.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "'" + raw + "' is not a whole number");
            }
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        String raw = string(key, "");
        double value;
        try {
            value = raw.isEmpty() ? defaultValue : Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingException(key, raw + " is outside " + min + ".." + max);
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        String raw = string(key, "");
        if (raw.isEmpty()) {
            return defaultValue;
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw new InvalidSettingException(key, "'" + raw + "' is not true or false");
    }

    public URI httpUrl(String key, String defaultValue) {
        String raw = string(key, defaultValue);
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSettingException(key, "'" + raw + "' is not an http(s) URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not a valid URL");
        }
    }

    /** A comma- or whitespace-separated list; empty entries are dropped. */
    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(string(key, defaultValue).split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
