package dev.switchboard.ticker.feeds.sports;

import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated basketball game: four 12-minute periods, each update 24 s of game clock (a shot clock) in which
 * either team may score 0 to 3 points. A finished game stays final for a while, then a rematch starts.
 */
final class Game {

    static final int PERIODS = 4;
    static final int PERIOD_SECONDS = 12 * 60;
    static final int SECONDS_PER_UPDATE = 24;
    private static final int FINAL_UPDATES = 10;

    final String symbol;
    private final String home;
    private final String away;
    private int homeScore;
    private int awayScore;
    private int period = 1;
    private int remaining = PERIOD_SECONDS;
    private int finalFor;

    Game(String home, String away) {
        this.home = home;
        this.away = away;
        this.symbol = "score." + home + "-" + away;
    }

    void play(RandomGenerator random) {
        if (finalFor > 0) {
            if (--finalFor == 0) {
                homeScore = 0;
                awayScore = 0;
                period = 1;
                remaining = PERIOD_SECONDS;
            }
            return;
        }
        homeScore += points(random);
        awayScore += points(random);
        remaining -= SECONDS_PER_UPDATE;
        if (remaining <= 0) {
            if (period < PERIODS || homeScore == awayScore) {
                period++;
                remaining = period > PERIODS ? 5 * 60 : PERIOD_SECONDS;
            } else {
                remaining = 0;
                finalFor = FINAL_UPDATES;
            }
        }
    }

    private static int points(RandomGenerator random) {
        double draw = random.nextDouble();
        return draw < 0.45 ? 0 : draw < 0.55 ? 1 : draw < 0.85 ? 2 : 3;
    }

    ObjectNode score() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("home", home);
        data.put("away", away);
        data.put("homeScore", homeScore);
        data.put("awayScore", awayScore);
        data.put("period", period);
        data.put("clock", String.format("%02d:%02d", remaining / 60, remaining % 60));
        data.put("status", finalFor > 0 ? "final" : "live");
        return data;
    }
}
