package dev.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.bench.auth.BenchKeys;
import dev.switchboard.bench.auth.TokenPool;
import io.vertx.core.json.JsonObject;

/** Where a connection's token goes: the URL's access_token, or a first auth frame (--token-in frame). */
class TargetTest {

    private static Target target(TokenPool tokens, boolean inFrame) {
        return new Target("t", "127.0.0.1", 8080, "/v1/ws", Dialect.PLAIN, tokens, inFrame, 0, true);
    }

    @Test
    void aTokenInTheUrlIsNotSentAgainInAFrame(@TempDir Path dir) throws Exception {
        TokenPool tokens = pool(dir);
        Target target = target(tokens, false);
        assertEquals("/v1/ws?access_token=" + tokens.forConnection(7), target.uriFor(7));
        assertNull(target.authFrame(7));
    }

    @Test
    void aTokenInAFrameLeavesTheUrlBare(@TempDir Path dir) throws Exception {
        TokenPool tokens = pool(dir);
        Target target = target(tokens, true);
        assertEquals("/v1/ws", target.uriFor(7));
        JsonObject frame = new JsonObject(target.authFrame(7));
        assertEquals("auth", frame.getString("type"));
        assertEquals(tokens.forConnection(7), frame.getString("token"));
        assertTrue(target.authenticates());
    }

    @Test
    void withoutTokensThereIsNeitherQueryNorFrame() {
        Target target = target(null, true);
        assertEquals("/v1/ws", target.uriFor(3));
        assertNull(target.authFrame(3));
        assertFalse(target.authenticates());
    }

    private static TokenPool pool(Path dir) throws Exception {
        BenchKeys.generate(dir);
        return new TokenPool(BenchKeys.loadPrivate(dir.resolve(BenchKeys.PRIVATE_PEM)), "https://iss", 10, 60);
    }
}
