package dev.switchboard.gateway.auth;

import java.util.Set;

/**
 * Who is on the other end of a connection or request: a verified user, or an anonymous ticker viewer.
 *
 * @param userId      the token's sub; null when anonymous
 * @param groups      the token's groups (roles), e.g. publisher
 * @param expiresAtMs the token's exp in epoch millis; Long.MAX_VALUE when anonymous
 */
public record Identity(String userId, Set<String> groups, long expiresAtMs) {

    public static final String PUBLISHER_ROLE = "publisher";

    private static final Identity ANONYMOUS = new Identity(null, Set.of(), Long.MAX_VALUE);

    public static Identity anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    public boolean isPublisher() {
        return groups.contains(PUBLISHER_ROLE);
    }
}
