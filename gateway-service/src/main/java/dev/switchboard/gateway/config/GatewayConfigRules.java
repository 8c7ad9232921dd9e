package dev.switchboard.gateway.config;

import java.util.List;
import java.util.regex.Pattern;

import dev.switchboard.contracts.config.Bounds;
import dev.switchboard.contracts.config.ConfigRules;

/** The bounds of {@link GatewayConfig}, checked when the configuration is built. */
public final class GatewayConfigRules extends ConfigRules {

    private static final Pattern REPLICA_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[^\\s/?#]+/?");

    @Override
    protected void check(Object mapping, Bounds bounds) {
        if (mapping instanceof GatewayConfig gateway) {
            bounds.notBlank("replica-id", gateway.replicaId())
                    .matches("replica-id", gateway.replicaId(), REPLICA_ID, "1-100 letters, digits, '_', '.' or '-'")
                    .notBlank("chat-url", gateway.chatUrl())
                    .notBlank("presence-url", gateway.presenceUrl())
                    .between("http-pool-size", gateway.httpPoolSize(), 1, 4096)
                    .eachMatches("allowed-origins", gateway.allowedOrigins().orElse(List.of()), ORIGIN,
                            "an origin, http(s)://host[:port] with at most a trailing '/'");

            GatewayConfig.Limits limits = gateway.limits();
            bounds.atLeast("limits.max-frame-bytes", limits.maxFrameBytes(), 1024)
                    .atLeast("limits.max-signal-bytes", limits.maxSignalBytes(), 256)
                    .atLeast("limits.max-subscriptions", limits.maxSubscriptions(), 1)
                    .atLeast("limits.max-connections-per-user", limits.maxConnectionsPerUser(), 1);
            bucket(bounds, "limits.publish", limits.publish());
            bucket(bounds, "limits.typing", limits.typing());
            bucket(bounds, "limits.signal", limits.signal());
            bucket(bounds, "limits.abuse", limits.abuse());
            bucket(bounds, "limits.bad-frames", limits.badFrames());

            GatewayConfig.Transports transports = gateway.transports();
            bounds.atLeast("outbound.queue-size", gateway.outbound().queueSize(), 16)
                    .between("outbound.write-window", gateway.outbound().writeWindow(), 1, 4096)
                    .atLeast("access-cache.max-entries", gateway.accessCache().maxEntries(), 1)
                    .atLeast("presence.lease-ms", gateway.presence().leaseMs(), 1000)
                    .between("resume.page-size", gateway.resume().pageSize(), 1, 1000)
                    .atLeast("resume.buffer-size", gateway.resume().bufferSize(), 10)
                    .atLeast("drain.reconnect-after-max-ms", gateway.drain().reconnectAfterMaxMs(), 0)
                    .notBlank("transports.ticker-url", transports.tickerUrl())
                    .atLeast("transports.sse.retry-ms", transports.sse().retryMs(), 0)
                    .atLeast("transports.poll.default-wait-ms", transports.poll().defaultWaitMs(), 0)
                    .between("transports.poll.max-wait-ms", transports.poll().maxWaitMs(), 0, 120_000)
                    .atLeast("transports.poll.max-events", transports.poll().maxEvents(), 1);
        }
    }

    private static void bucket(Bounds bounds, String name, GatewayConfig.Bucket bucket) {
        bounds.atLeast(name + ".capacity", bucket.capacity(), 1)
                .atLeast(name + ".per-second", bucket.perSecond(), 0.0);
    }
}
