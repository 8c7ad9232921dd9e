package dev.switchboard.chat.rooms;

import java.util.Locale;
import java.util.Optional;

/** The two roles of a room member. */
public final class Roles {

    public static final String MEMBER = "member";
    public static final String MODERATOR = "moderator";

    private Roles() {
    }

    public static Optional<String> parse(String role) {
        if (role == null) {
            return Optional.empty();
        }
        String lower = role.toLowerCase(Locale.ROOT);
        return lower.equals(MEMBER) || lower.equals(MODERATOR) ? Optional.of(lower) : Optional.empty();
    }
}
