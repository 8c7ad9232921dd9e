package dev.switchboard.gateway.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;

/** The channel=... query parameters of SSE and long polling: at least one, all valid, at most the limit. */
public final class ChannelParams {

    private ChannelParams() {
    }

    /** The distinct channels in request order, or a bad_request. */
    public static List<Channel> parse(List<String> names, int max) {
        if (names == null || names.isEmpty()) {
            throw ProtocolException.badRequest("At least one channel=... query parameter is required");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            Channel channel = Channel.parse(name);
            if (seen.add(channel.name())) {
                channels.add(channel);
            }
        }
        if (channels.size() > max) {
            throw ProtocolException.badRequest("At most " + max + " channels per request");
        }
        return channels;
    }
}
