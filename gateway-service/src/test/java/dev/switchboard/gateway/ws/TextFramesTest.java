package dev.switchboard.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;

/** Pre-encoded text frames, read back by Netty's own client-side WebSocket decoder. */
class TextFramesTest {

    @Test
    void everyPayloadLengthEncodingDecodesToTheSameText() {
        for (int length : new int[] { 0, 1, 125, 126, 127, 65_535, 65_536, 200_000 }) {
            String text = "x".repeat(length);
            assertEquals(text, decoded(TextFrames.frame(text)), "length " + length);
        }
    }

    @Test
    void multiByteCharactersAreCountedInBytes() {
        String text = "{\"text\":\"Grüße, 你好, 🎉\"}".repeat(7);
        assertEquals(text, decoded(TextFrames.frame(text)));
    }

    @Test
    void theHeaderIsFinTextUnmasked() {
        byte[] frame = TextFrames.encode("hi");
        assertEquals((byte) 0x81, frame[0]);
        assertEquals(2, frame[1]);
        assertEquals(4, frame.length);
    }

    @Test
    void oneEventIsEncodedOncePerThreadWhateverTheNumberOfWrites() {
        String event = new String("{\"type\":\"message\",\"seq\":1}");
        ByteBuf first = TextFrames.frame(event);
        ByteBuf second = TextFrames.frame(event);
        assertNotSame(first, second, "each write gets its own buffer: Netty releases it after the write");
        assertSame(first.array(), second.array(), "over one shared encoding");
        assertNotSame(first.array(), TextFrames.frame(new String(event)).array(), "another event's text is its own");
    }

    private static String decoded(ByteBuf frame) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
        client.writeInbound(frame);
        TextWebSocketFrame decoded = client.readInbound();
        try {
            return decoded.text();
        } finally {
            decoded.release();
            client.finishAndReleaseAll();
        }
    }
}
