package dev.switchboard.ticker.feeds.sports;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import dev.switchboard.ticker.feeds.PacedFeed;
import dev.switchboard.ticker.ticks.TickData;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.inject.Singleton;

/** Simulated live basketball scores, one symbol per game (score.LAL-BOS). */
@Singleton
public class SportsFeed extends PacedFeed {

    public static final String NAME = "sports";

    private final SportsFeedConfig config;

    public SportsFeed(SportsFeedConfig config) {
        super(NAME, config.enabled(), config.ratePerSecond(), config.seed());
        this.config = config;
    }

    @Override
    protected LongConsumer prepare(TickPublisher publisher) {
        List<Game> games = config.games().stream().distinct().map(teams -> {
            String[] sides = teams.split("-", 2);
            return new Game(sides[0], sides[1]);
        }).toList();
        SplittableRandom random = random();
        return now -> {
            for (Game game : games) {
                game.play(random);
                publisher.publish(game.symbol, NAME, now, TickData.of(game.score()));
            }
        };
    }
}
