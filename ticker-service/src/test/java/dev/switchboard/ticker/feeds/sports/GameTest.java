package dev.switchboard.ticker.feeds.sports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pure logic of the simulated game: scores only rise while live, a game ends after regulation, then restarts. */
class GameTest {

    @Test
    void aGamePlaysThroughToFinalAndARematchStartsAtZero() {
        Game game = new Game("LAL", "BOS");
        assertEquals("score.LAL-BOS", game.symbol);
        SplittableRandom random = new SplittableRandom(42);
        int regulationUpdates = Game.PERIODS * Game.PERIOD_SECONDS / Game.SECONDS_PER_UPDATE;
        int previousHome = 0;
        int previousAway = 0;
        int updates = 0;
        ObjectNode score = game.score();
        while (!score.get("status").asText().equals("final")) {
            game.play(random);
            updates++;
            score = game.score();
            assertTrue(score.get("homeScore").asInt() >= previousHome && score.get("awayScore").asInt() >= previousAway);
            previousHome = score.get("homeScore").asInt();
            previousAway = score.get("awayScore").asInt();
            assertTrue(updates < regulationUpdates * 3, "the game ends");
        }
        assertTrue(updates >= regulationUpdates, "a game lasts at least four periods");
        assertTrue(score.get("homeScore").asInt() != score.get("awayScore").asInt(), "no game ends tied");
        assertEquals("00:00", score.get("clock").asText());

        while (score.get("status").asText().equals("final")) {
            game.play(random);
            score = game.score();
        }
        assertEquals(0, score.get("homeScore").asInt());
        assertEquals(0, score.get("awayScore").asInt());
        assertEquals(1, score.get("period").asInt());
        assertEquals("12:00", score.get("clock").asText());
    }
}
