package dev.switchboard.ticker.ticks;

import java.util.List;

import org.jboss.resteasy.reactive.RestPath;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Latest values, straight from the publisher's memory (seeded from ticker.snapshots at startup). */
@Path("/v1/tickers")
@Produces(MediaType.APPLICATION_JSON)
public class TickerResource {

    private final TickPublisher publisher;

    public TickerResource(TickPublisher publisher) {
        this.publisher = publisher;
    }

    @GET
    @NonBlocking
    public List<Tick> list() {
        return publisher.latestAll();
    }

    @GET
    @Path("/{symbol}")
    @NonBlocking
    public Tick latest(@RestPath @Pattern(regexp = Ids.ID_PATTERN, message = "must match " + Ids.ID_PATTERN) String symbol) {
        return publisher.latest(symbol)
                .orElseThrow(() -> ProblemException.notFound("No value of ticker " + symbol + " yet"));
    }
}
