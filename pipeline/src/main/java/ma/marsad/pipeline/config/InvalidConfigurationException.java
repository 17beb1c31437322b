package ma.marsad.pipeline.config;

/** A configuration file cannot be used; the message names the file, the line and the fix. */
public class InvalidConfigurationException extends IllegalArgumentException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
