package io.nexussync.config;

/** A configuration value that stops start-up; its message names the key and the problem in one line. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("invalid setting " + key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The first InvalidSettingException in a cause chain, or null. */
    public static InvalidSettingException findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidSettingException ise) {
                return ise;
            }
        }
        return null;
    }
}
