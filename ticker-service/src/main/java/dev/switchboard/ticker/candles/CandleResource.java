package dev.switchboard.ticker.candles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ticker.Candle;
import dev.switchboard.problem.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /v1/tickers/{symbol}/candles?interval=1s|1m&from=&to= : candles whose window starts in [from, to]. from and to
 * are epoch millis or ISO-8601 instants; to defaults to now, from to 60 intervals before to.
 */
@Path("/v1/tickers/{symbol}/candles")
@Produces(MediaType.APPLICATION_JSON)
public class CandleResource {

    /** Bounds the work of one request: a day of 1 s candles, or 100 days of 1 min candles. */
    static final long MAX_WINDOWS = 86_400 * 2;
    private static final int DEFAULT_WINDOWS = 60;

    private final CandleStore store;

    public CandleResource(CandleStore store) {
        this.store = store;
    }

    @GET
    public List<Candle> candles(
            @RestPath @Pattern(regexp = Ids.ID_PATTERN, message = "must match " + Ids.ID_PATTERN) String symbol,
            @RestQuery @DefaultValue("1m") String interval,
            @RestQuery String from,
            @RestQuery String to) {
        CandleInterval width = CandleInterval.parse(interval)
                .orElseThrow(() -> ProblemException.badRequest("interval: must be 1s or 1m"));
        long size = width.size().toMillis();
        long end = to == null || to.isBlank() ? System.currentTimeMillis() : instant("to", to);
        long start = from == null || from.isBlank() ? end - DEFAULT_WINDOWS * size : instant("from", from);
        if (start > end) {
            throw ProblemException.badRequest("from: must not be after to");
        }
        if ((end - start) / size > MAX_WINDOWS) {
            throw ProblemException.badRequest("The range spans more than " + MAX_WINDOWS + " candles of " + interval);
        }
        return store.candles(symbol, width, start, end);
    }

    private static long instant(String name, String value) {
        try {
            long millis = value.chars().allMatch(Character::isDigit) && value.length() <= 15
                    ? Long.parseLong(value)
                    : Instant.parse(value).toEpochMilli();
            return millis;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw ProblemException.badRequest(name + ": must be epoch milliseconds or an ISO-8601 instant");
        }
    }
}
