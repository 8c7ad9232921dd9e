package dev.switchboard.gateway.protocol;

import dev.switchboard.contracts.Ids;

/** A parsed, valid channel name: room:{id}, ticker:{symbol} or user:{id}. */
public record Channel(Kind kind, String id) {

    public enum Kind {
        ROOM("room"), TICKER("ticker"), USER("user");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static Channel room(String id) {
        return new Channel(Kind.ROOM, id);
    }

    public static Channel ticker(String symbol) {
        return new Channel(Kind.TICKER, symbol);
    }

    public static Channel user(String id) {
        return new Channel(Kind.USER, id);
    }

    /** The channel named so, or a bad_request. */
    public static Channel parse(String name) {
        if (name == null) {
            throw ProtocolException.badRequest("channel is required");
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String prefix = name.substring(0, colon);
            String id = name.substring(colon + 1);
            for (Kind kind : Kind.values()) {
                if (kind.prefix.equals(prefix) && Ids.isValid(id)) {
                    return new Channel(kind, id);
                }
            }
        }
        throw ProtocolException.badRequest(
                "channel must be room:{id}, ticker:{symbol} or user:{id} with an id matching " + Ids.ID_PATTERN);
    }

    public String name() {
        return kind.prefix + ":" + id;
    }

    public boolean isRoom() {
        return kind == Kind.ROOM;
    }

    @Override
    public String toString() {
        return name();
    }
}
