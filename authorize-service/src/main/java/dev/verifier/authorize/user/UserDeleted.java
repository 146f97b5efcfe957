package dev.verifier.authorize.user;

/** Published (in-process) after a user is deleted, so the user's sessions and consents are removed too. */
public record UserDeleted(String username, String subject) {
}
