package dev.switchboard.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything an operator can tune on a gateway replica; every value has a validated default ({@link GatewayConfigRules}
 * has their bounds).
 */
@ConfigMapping(prefix = "switchboard.gateway")
public interface GatewayConfig {

    /**
     * This replica's identity: the Kafka consumer group is "gateway-" + it, ChatCommand.replyTo and the presence
     * lease carry it. application.properties defaults it to a random UUID per start.
     */
    String replicaId();

    /** Base URL of chat-service (internal reads /access and /events). */
    @WithDefault("http://localhost:8081")
    String chatUrl();

    /** Base URL of presence-service (internal read /presence). */
    @WithDefault("http://localhost:8082")
    String presenceUrl();

    /** Timeout of one internal HTTP read. */
    @WithDefault("3s")
    Duration httpTimeout();

    /** Connections per internal service (chat-service, presence-service) kept for bursts of reads. */
    @WithDefault("256")
    int httpPoolSize();

    /**
     * Browser origins (scheme://host[:port]) allowed to open a WebSocket, SSE stream or poll; unset: any. A WebSocket
     * from another origin is accepted and closed with 4403, SSE and polling answer 403.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * How often the server pings each WebSocket (welcome.heartbeatMs); the client's pong keeps an otherwise quiet
     * socket from the idle timeout.
     */
    @WithDefault("25s")
    Duration pingInterval();

    /** How long a publish waits for chat-service's ChatReply before answering unavailable. */
    @WithDefault("10s")
    Duration publishTimeout();

    Auth auth();

    Limits limits();

    Outbound outbound();

    AccessCache accessCache();

    Presence presence();

    Resume resume();

    Drain drain();

    Transports transports();

    interface Auth {
        /** How long an unauthenticated socket may stay open without a valid token (then close 4401). */
        @WithDefault("5s")
        Duration timeout();

        /** Lets sockets without a token subscribe to ticker channels (and nothing else). */
        @WithDefault("false")
        boolean anonymousTickers();
    }

    interface Limits {
        /** Largest accepted text message (and frame); larger ones close the socket with 1009. */
        @WithDefault("65536")
        int maxFrameBytes();

        /** Largest signal data, serialized, in bytes (too_large beyond). */
        @WithDefault("16384")
        int maxSignalBytes();

        @WithDefault("100")
        int maxSubscriptions();

        /** Open sockets of one user on one replica; the next one is closed with 1008. */
        @WithDefault("20")
        int maxConnectionsPerUser();

        Bucket publish();

        Bucket typing();

        Bucket signal();

        /** Rate-limited frames tolerated (refilling per second) before close 4429. */
        Bucket abuse();

        /** Malformed frames tolerated (refilling per second) before close 1008. */
        Bucket badFrames();

        /** After the server closes a socket, how long the client has to complete the close before TCP is cut. */
        @WithDefault("5s")
        Duration closeTimeout();

        /** Close a socket that sent nothing (not even a pong) for this long. */
        @WithDefault("90s")
        Duration idleTimeout();
    }

    interface Bucket {
        /** Burst size. */
        @WithDefault("20")
        int capacity();

        /** Tokens added per second. */
        @WithDefault("10")
        double perSecond();
    }

    interface Outbound {
        /** Queued frames per connection (ticks excluded: they conflate); beyond it the socket is closed. */
        @WithDefault("1000")
        int queueSize();

        /** Frames written to a socket but not yet confirmed by it. */
        @WithDefault("64")
        int writeWindow();
    }

    interface AccessCache {
        @WithDefault("30s")
        Duration ttl();

        @WithDefault("10000")
        int maxEntries();
    }

    interface Presence {
        /** Period of the GatewayHeartbeat on presence.heartbeats. */
        @WithDefault("3s")
        Duration heartbeatInterval();

        /** Lease announced with each heartbeat. */
        @WithDefault("10000")
        long leaseMs();
    }

    interface Resume {
        /** Events per history page fetched from chat-service (max 1000 there). */
        @WithDefault("100")
        int pageSize();

        /** Live events held per subscription while history is replayed; beyond it they are re-read from history. */
        @WithDefault("5000")
        int bufferSize();
    }

    interface Drain {
        /** Time between readiness turning false and the reconnect frames (lets load balancers notice). */
        @WithDefault("2s")
        Duration readinessDelay();

        /** Upper bound of the random afterMs in reconnect frames, to spread reconnections. */
        @WithDefault("3000")
        long reconnectAfterMaxMs();

        /** How long to let queued frames flush before closing with 1001. */
        @WithDefault("2s")
        Duration flushTimeout();
    }

    /**
     * The non-WebSocket transports (SSE, long polling, HTTP publish and reads); limits shared by every transport
     * (queue size, subscriptions) stay above.
     */
    interface Transports {
        /** Base URL of ticker-service (publisher posts to ticker channels are forwarded to its ingest API). */
        @WithDefault("http://localhost:8083")
        String tickerUrl();

        Sse sse();

        Poll poll();
    }

    interface Sse {
        /** Comment lines sent this often so proxies keep an idle stream open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** The retry: hint sent at the start of a stream (EventSource reconnect delay). */
        @WithDefault("2000")
        long retryMs();
    }

    interface Poll {
        /** waitMs when the request does not say. */
        @WithDefault("25000")
        long defaultWaitMs();

        /** Largest accepted waitMs; larger values are a bad_request. */
        @WithDefault("30000")
        long maxWaitMs();

        /** Events in one response at most; the rest come with the next poll. */
        @WithDefault("500")
        int maxEvents();

        /** A poll session nobody polled for this long is dropped; its cursor then resumes from durable history. */
        @WithDefault("60s")
        Duration sessionTtl();
    }
}
