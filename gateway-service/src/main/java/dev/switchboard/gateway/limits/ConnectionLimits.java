package dev.switchboard.gateway.limits;

import dev.switchboard.gateway.config.GatewayConfig;

/**
 * The rate limits of one connection: a bucket per rate-limited frame type, plus the two "strike" buckets that turn
 * sustained abuse into a close (rate-limited frames: 4429; malformed frames: 1008).
 */
public final class ConnectionLimits {

    /** What a frame costs and whether the connection must now be closed. */
    public enum Verdict {
        ALLOWED, LIMITED, ABUSE
    }

    private final GatewayConfig.Limits config;
    // Each bucket is created on its first use (starting full, as it would be by then anyway): most connections only
    // subscribe, and an idle connection should not pay for five buckets.
    private TokenBucket publish;
    private TokenBucket typing;
    private TokenBucket signal;
    private TokenBucket abuse;
    private TokenBucket badFrames;

    public ConnectionLimits(GatewayConfig.Limits config) {
        this.config = config;
    }

    private static TokenBucket bucket(GatewayConfig.Bucket config) {
        return TokenBucket.of(config.capacity(), config.perSecond());
    }

    public synchronized Verdict publish() {
        if (publish == null) {
            publish = bucket(config.publish());
        }
        return take(publish);
    }

    public synchronized Verdict typing() {
        if (typing == null) {
            typing = bucket(config.typing());
        }
        return take(typing);
    }

    public synchronized Verdict signal() {
        if (signal == null) {
            signal = bucket(config.signal());
        }
        return take(signal);
    }

    /** A malformed frame: true when the connection has sent too many and must be closed (1008). */
    public synchronized boolean badFrameIsAbuse() {
        if (badFrames == null) {
            badFrames = bucket(config.badFrames());
        }
        return !badFrames.tryTake();
    }

    private Verdict take(TokenBucket bucket) {
        if (bucket.tryTake()) {
            return Verdict.ALLOWED;
        }
        if (abuse == null) {
            abuse = bucket(config.abuse());
        }
        return abuse.tryTake() ? Verdict.LIMITED : Verdict.ABUSE;
    }
}
