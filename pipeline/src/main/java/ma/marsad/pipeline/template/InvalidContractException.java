package ma.marsad.pipeline.template;

import ma.marsad.pipeline.config.InvalidConfigurationException;

/** A template contract or the submitters registry cannot be used; the message names the file, the line and the fix. */
public class InvalidContractException extends InvalidConfigurationException {

    public InvalidContractException(String message) {
        super(message);
    }
}
