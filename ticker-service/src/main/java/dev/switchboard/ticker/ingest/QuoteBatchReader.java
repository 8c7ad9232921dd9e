package dev.switchboard.ticker.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.problem.ProblemException;
import dev.switchboard.ticker.ticks.TickData;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns a request body (one quote object, or an array of them) into publishable entries, or rejects the whole
 * request with every problem found: a batch is all or nothing, so a producer never has to guess which half went in.
 */
@ApplicationScoped
public class QuoteBatchReader {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final IngestConfig config;

    public QuoteBatchReader(ObjectMapper mapper, Validator validator, IngestConfig config) {
        this.mapper = mapper;
        this.validator = validator;
        this.config = config;
    }

    public List<TickPublisher.Entry> read(JsonNode body, long now) throws JsonProcessingException {
        boolean batch = body != null && body.isArray();
        List<JsonNode> items = new ArrayList<>();
        if (batch) {
            body.forEach(items::add);
        } else if (body != null && body.isObject()) {
            items.add(body);
        } else {
            throw ProblemException.badRequest("The body must be a quote object or a non-empty array of quotes");
        }
        if (items.isEmpty()) {
            throw ProblemException.badRequest("An empty batch: send at least one quote");
        }
        if (items.size() > config.maxBatch()) {
            throw ProblemException.badRequest("A batch holds at most " + config.maxBatch() + " quotes, got " + items.size());
        }
        long latestAllowed = now + config.maxFutureSkew().toMillis();
        List<String> problems = new ArrayList<>();
        List<TickPublisher.Entry> entries = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = batch ? "[" + i + "]." : "";
            if (!items.get(i).isObject()) {
                problems.add((batch ? "[" + i + "]" : "body") + ": must be a quote object");
                continue;
            }
            Quote quote;
            try {
                quote = mapper.treeToValue(items.get(i), Quote.class);
            } catch (JsonMappingException e) {
                // Answered here: Quarkus' own mapper for mismatched input would bypass problem+json.
                problems.add(where + fieldOf(e) + ": has the wrong type");
                continue;
            }
            Set<ConstraintViolation<Quote>> violations = validator.validate(quote);
            violations.stream()
                    .map(v -> where + v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .forEach(problems::add);
            if (quote.ts() != null && quote.ts() > latestAllowed) {
                problems.add(where + "ts: lies more than " + config.maxFutureSkew().toMillis() + " ms in the future");
            }
            if (quote.bid() != null && quote.ask() != null && quote.bid() > quote.ask()) {
                problems.add(where + "bid: must not exceed ask");
            }
            if (violations.isEmpty()) {
                entries.add(new TickPublisher.Entry(quote.ts() == null ? now : quote.ts(), TickData.of(quote.data())));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        return entries;
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("quote");
    }
}
