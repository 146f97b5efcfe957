package dev.verifier.authorize.user;

/** An end user as the rest of the service sees it: the login name, the stable subject and the standard claims. */
public record User(String username, String subject, UserClaims claims) {
}
