package dev.verifier.authorize.support;

import dev.verifier.authorize.user.NewUser;
import dev.verifier.authorize.user.UserAddress;
import dev.verifier.authorize.user.UserClaims;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserView;

/** Users for the front-channel tests; every one's password is {@link #PASSWORD}. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    public static UserView create(UserService users, String username) {
        UserClaims claims = new UserClaims(username + " Example", username, "Example", null, null, null, null, null,
                username + "@example.com", true, null, null, null, null, "+1 555 0100", false,
                new UserAddress("1 Main St\nSpringfield", "1 Main St", "Springfield", null, "12345", "US"));
        return users.create(new NewUser(username, PASSWORD, claims));
    }
}
