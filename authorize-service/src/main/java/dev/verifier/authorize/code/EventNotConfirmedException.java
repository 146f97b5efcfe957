package dev.verifier.authorize.code;

/**
 * Kafka did not confirm a {@code CodeIssued} event in time: the code is not redeemable, so it must not be sent to the
 * client. Shown to the user as a "try again" page, never as a redirect.
 */
public final class EventNotConfirmedException extends RuntimeException {

    public EventNotConfirmedException(Throwable cause) {
        super("the authorization code could not be recorded", cause, false, false);
    }
}
