package dev.switchboard.gateway.ws;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Server-to-client WebSocket text frames (RFC 6455 section 5.2: FIN set, opcode 1, unmasked), encoded once per event
 * and event loop. The fan-out writes the same frame to every subscriber; through Vert.x's {@code writeTextMessage}
 * each of those writes re-encoded the text, wrapped it in a Vert.x frame, copied it and had Netty's WebSocket encoder
 * add a header, which was most of the gateway's CPU per delivered frame. The encoded frame is a plain buffer that
 * Netty's WebSocket encoder passes through untouched.
 */
final class TextFrames {

    /** Frames of one drain turn repeat across connections: a few recent ones per thread, matched by identity. */
    private static final int CACHED = 16;

    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private TextFrames() {
    }

    /** The Netty context to write pre-encoded frames through, or null if the connection is not a Vert.x one. */
    static ChannelHandlerContext channelOf(HttpConnection tcp) {
        return tcp instanceof ConnectionBase connection ? connection.channelHandlerContext() : null;
    }

    /** The complete frame for this text, ready for the socket; a new buffer over a shared array each call. */
    static ByteBuf frame(String text) {
        return Unpooled.wrappedBuffer(RECENT.get().encoded(text));
    }

    static byte[] encode(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) 0x81;
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long value = length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (value >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    private static final class Recent {
        private final String[] texts = new String[CACHED];
        private final byte[][] frames = new byte[CACHED][];
        private int next;

        byte[] encoded(String text) {
            for (int i = 0; i < CACHED; i++) {
                if (texts[i] == text) {
                    return frames[i];
                }
            }
            byte[] frame = encode(text);
            texts[next] = text;
            frames[next] = frame;
            next = (next + 1) % CACHED;
            return frame;
        }
    }
}
