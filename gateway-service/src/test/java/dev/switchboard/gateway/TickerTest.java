package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tickers: the latest value on subscribe (from ticker.snapshots at start, then ticker.ticks), then live ticks. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class TickerTest extends GatewayTestBase {

    private static Tick tick(String symbol, long seq, double price) {
        return new Tick(symbol, seq, "market", TestKafka.JSON.createObjectNode().put("price", price), 1000 + seq);
    }

    @Test
    void snapshotsFromBeforeTheStartAreSentOnSubscribe() {
        String symbol = System.getProperty(GatewayTestResource.SNAPSHOT_SYMBOL_PROPERTY);
        WsTestClient client = connected("alice");
        ObjectNode subscribed = subscribe(client, "ticker:" + symbol);
        assertEquals(41, subscribed.path("seq").asLong());
        ObjectNode latest = client.await("tick");
        assertEquals(41, latest.path("seq").asLong());
        assertEquals(99.5, latest.path("data").path("price").asDouble());
    }

    @Test
    void theLatestLiveValueIsSentOnSubscribeThenLiveTicks() {
        String symbol = unique("SYM");
        WsTestClient early = connected("alice");
        subscribe(early, "ticker:" + symbol);
        TestKafka.send(Topics.TICKER_TICKS, symbol, tick(symbol, 1, 10));
        TestKafka.send(Topics.TICKER_TICKS, symbol, tick(symbol, 2, 11));
        assertEquals(2, early.await(frame -> "tick".equals(frame.path("type").asText())
                && frame.path("seq").asLong() == 2, TIMEOUT).path("seq").asLong());

        WsTestClient late = connected("bob");
        assertEquals(2, subscribe(late, "ticker:" + symbol).path("seq").asLong());
        assertEquals(11.0, late.await("tick").path("data").path("price").asDouble());
        TestKafka.send(Topics.TICKER_TICKS, symbol, tick(symbol, 3, 12));
        assertEquals(List.of(3L), List.of(late.await("tick").path("seq").asLong()));
    }

    @Test
    void unknownSymbolsSubscribeAtSeqZero() {
        WsTestClient client = connected("alice");
        assertEquals(0, subscribe(client, "ticker:" + unique("NONE")).path("seq").asLong());
    }
}
