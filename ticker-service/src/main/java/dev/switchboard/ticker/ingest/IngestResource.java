package dev.switchboard.ticker.ingest;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Ids;
import dev.switchboard.problem.ProblemException;
import dev.switchboard.ticker.ticks.TickPublisher;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Internal ingest API for external producers (the gateway checks the publisher role and forwards). Answers 202 once
 * Kafka has acknowledged every quote of the request.
 */
@Path("/v1/tickers/{symbol}/quotes")
public class IngestResource {

    public static final String FEED = "ingest";
    private static final Logger LOG = Logger.getLogger(IngestResource.class);

    private final QuoteBatchReader reader;
    private final TickPublisher publisher;
    private final IngestConfig config;

    public IngestResource(QuoteBatchReader reader, TickPublisher publisher, IngestConfig config) {
        this.reader = reader;
        this.publisher = publisher;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    // A send can block briefly (missing metadata, full buffer): never on the event loop.
    @Blocking
    public Uni<IngestReceipt> ingest(
            @RestPath @Pattern(regexp = Ids.ID_PATTERN, message = "must match " + Ids.ID_PATTERN) String symbol,
            JsonNode body) throws JsonProcessingException {
        List<TickPublisher.Entry> entries = reader.read(body, System.currentTimeMillis());
        return Uni.createFrom().completionStage(publisher.publishAll(symbol, FEED, entries))
                .ifNoItem().after(config.ackTimeout()).fail()
                .onFailure().transform(error -> {
                    LOG.warnf("Ingest of %d quotes of %s not acknowledged: %s", entries.size(), symbol, error.toString());
                    return new ProblemException(503, "unavailable", "The quotes could not be stored; retry later");
                })
                .map(published -> new IngestReceipt(symbol, published.count(), published.firstSeq(), published.lastSeq()));
    }
}
