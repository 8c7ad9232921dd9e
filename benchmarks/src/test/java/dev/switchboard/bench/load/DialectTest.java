package dev.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void socketIoWrapsFramesAsTheFrameEventAndSkipsControlPackets() {
        String json = "{\"type\":\"publish\",\"channel\":\"room:a\"}";
        String wire = Dialect.SOCKETIO.wrap(json);
        assertEquals("42[\"frame\"," + json + "]", wire);
        assertEquals(json, Dialect.SOCKETIO.unwrap(wire));
        assertNull(Dialect.SOCKETIO.unwrap("2"));
        assertNull(Dialect.SOCKETIO.unwrap("40{\"sid\":\"x\"}"));
        assertEquals("/socket.io/?EIO=4&transport=websocket", Dialect.SOCKETIO.uri("/v1/ws"));
    }

    @Test
    void plainIsProtocolV1AsIs() {
        assertEquals("{}", Dialect.PLAIN.wrap("{}"));
        assertEquals("{}", Dialect.PLAIN.unwrap("{}"));
        assertEquals("/v1/ws", Dialect.PLAIN.uri("/v1/ws"));
    }
}
