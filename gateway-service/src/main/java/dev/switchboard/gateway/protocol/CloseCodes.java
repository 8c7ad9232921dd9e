package dev.switchboard.gateway.protocol;

/** WebSocket close codes of protocol-v1 (and the standard ones the gateway uses). */
public final class CloseCodes {

    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int POLICY_VIOLATION = 1008;
    public static final int TOO_LARGE = 1009;
    public static final int UNAUTHORIZED = 4401;
    public static final int FORBIDDEN = 4403;
    public static final int RATE_LIMIT_ABUSE = 4429;

    private CloseCodes() {
    }
}
