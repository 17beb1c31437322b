package ma.marsad.pipeline.template;

/** A template contract or the submitters registry cannot be used; the message names the file, the line and the fix. */
public class InvalidContractException extends RuntimeException {

    public InvalidContractException(String message) {
        super(message);
    }
}
