package dev.switchboard.gateway.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The non-WebSocket transports (SSE, long polling, HTTP publish and reads). Its own prefix keeps it apart from the
 * WebSocket core's GatewayConfig; limits shared by every transport (queue size, subscriptions) stay there.
 */
@ConfigMapping(prefix = "switchboard.transports")
public interface TransportConfig {

    /** Base URL of ticker-service (publisher posts to ticker channels are forwarded to its ingest API). */
    @WithDefault("http://localhost:8083")
    @NotBlank
    String tickerUrl();

    @Valid
    Sse sse();

    @Valid
    Poll poll();

    interface Sse {
        /** Comment lines sent this often so proxies keep an idle stream open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** The retry: hint sent at the start of a stream (EventSource reconnect delay). */
        @WithDefault("2000")
        @Min(0)
        long retryMs();
    }

    interface Poll {
        /** waitMs when the request does not say. */
        @WithDefault("25000")
        @Min(0)
        long defaultWaitMs();

        /** Largest accepted waitMs; larger values are a bad_request. */
        @WithDefault("30000")
        @Min(0)
        @Max(120000)
        long maxWaitMs();

        /** Events in one response at most; the rest come with the next poll. */
        @WithDefault("500")
        @Min(1)
        int maxEvents();

        /** A poll session nobody polled for this long is dropped; its cursor then resumes from durable history. */
        @WithDefault("60s")
        Duration sessionTtl();
    }
}
