package ma.marsad.jobs.cli;

/** A command line that names something that does not exist (a template, a file…): exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
