package dev.switchboard.gateway.fanout;

import dev.switchboard.gateway.protocol.Channel;

/**
 * The outcome of a subscribe, before any replayed event: what protocol-v1 sends as {@code subscribed}.
 *
 * @param seq       the channel's latest seq when the subscription started (0 when unsequenced or unknown)
 * @param recovered false when the requested gap cannot be filled (the client reloads history over HTTP)
 */
public record Subscribed(Channel channel, long seq, boolean recovered) {
}
