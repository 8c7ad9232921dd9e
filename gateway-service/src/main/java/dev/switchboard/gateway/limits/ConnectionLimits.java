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

    private final TokenBucket publish;
    private final TokenBucket typing;
    private final TokenBucket signal;
    private final TokenBucket abuse;
    private final TokenBucket badFrames;

    public ConnectionLimits(GatewayConfig.Limits limits) {
        this.publish = bucket(limits.publish());
        this.typing = bucket(limits.typing());
        this.signal = bucket(limits.signal());
        this.abuse = bucket(limits.abuse());
        this.badFrames = bucket(limits.badFrames());
    }

    private static TokenBucket bucket(GatewayConfig.Bucket config) {
        return TokenBucket.of(config.capacity(), config.perSecond());
    }

    public Verdict publish() {
        return take(publish);
    }

    public Verdict typing() {
        return take(typing);
    }

    public Verdict signal() {
        return take(signal);
    }

    /** A malformed frame: true when the connection has sent too many and must be closed (1008). */
    public boolean badFrameIsAbuse() {
        return !badFrames.tryTake();
    }

    private Verdict take(TokenBucket bucket) {
        if (bucket.tryTake()) {
            return Verdict.ALLOWED;
        }
        return abuse.tryTake() ? Verdict.LIMITED : Verdict.ABUSE;
    }
}
