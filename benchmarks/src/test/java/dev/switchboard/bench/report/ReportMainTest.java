package dev.switchboard.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.result.RunResult;

class ReportMainTest {

    @Test
    void summaryJudgesEachTargetFromTheMeasuredNumbersAndDrawsCharts(@TempDir Path dir) throws Exception {
        fanout(dir, "switchboard", 30_000);
        fanout(dir, "node-ws", 20_000);
        new RunResult("idle", "50000", "switchboard").param("cappedBy", "file-descriptor limit of one process (20000)")
                .metric("connected", 19_000).metric("rssGrowthPerConnectionBytes", 8_000).write(dir);
        new RunResult("e2e", "rate-2000", "switchboard").param("offeredRatePerSecond", 2000)
                .metric("publishedPerSecond", 2000).metric("undelivered", 0)
                .metric("deliveryLatency", Map.of("count", 10, "p50Ms", 9.0, "p99Ms", 42.0, "p999Ms", 60.0))
                .metric("ackLatency", Map.of("count", 10, "p50Ms", 5.0, "p99Ms", 20.0, "p999Ms", 30.0)).write(dir);

        ReportMain.run(new Args(new String[] {"--dir", dir.toString()}, 0));

        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("| gateway fan-out >= 2x Node ws (delivered msg/s, saturation), room path (each message stored) | 30,000 vs 20,000 msg/s = 1.50x | **not met** |"), md);
        assertTrue(md.contains("7.81 KiB per connection at 19,000 connections (50k not reachable here: file-descriptor limit"), md);
        assertTrue(md.contains("| chat delivery p99 <= 50 ms at 2,000 msg/s into a 100-member room | p99 42 ms, 2,000 msg/s published"), md);
        assertTrue(md.contains("**met** |"), md);
        assertTrue(md.contains("| each service ready <= 1.5 s | - | not measured in this run |"), md);
        assertTrue(Files.size(dir.resolve("fanout-throughput.png")) > 1000);
        assertTrue(Files.size(dir.resolve("e2e-latency.png")) > 1000);
    }

    @Test
    void fiftyThousandConnectionsOverReplicasAreJudgedOnTheirSummedGrowthAndNotComparedWithOneProcess(@TempDir Path dir)
            throws Exception {
        new RunResult("idle", "10000", "switchboard").param("serverReplicas", 1).metric("connected", 10_000)
                .metric("serverRssBytes", 400_000_000L).metric("rssGrowthPerConnectionBytes", 9_000).write(dir);
        new RunResult("idle", "50000", "switchboard").param("serverReplicas", 3).metric("connected", 50_000)
                .metric("serverRssBytes", 1_200_000_000L).metric("rssGrowthPerConnectionBytes", 9_500).write(dir);
        new RunResult("idle", "10000", "node-ws").metric("connected", 10_000)
                .metric("rssGrowthPerConnectionBytes", 7_000).write(dir);

        ReportMain.run(new Args(new String[] {"--dir", dir.toString()}, 0));

        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("| gateway memory <= 10 KB per idle connection at 50k | 9.28 KiB per connection at 50,000 "
                + "connections over 3 gateway replicas of about 16,667 each (their RSS growth summed) | **met** |"), md);
        assertFalse(md.contains("marginal"), "a sum over three processes is not one process's growth: " + md);
        assertTrue(md.contains("| 50000 (3 server processes) | switchboard | 50,000 |"), md);
        assertTrue(md.contains("| 10000 | switchboard | 10,000 |"), md);
    }

    @Test
    void idleRunsOnFreshGatewaysNameTheirHeap(@TempDir Path dir) throws Exception {
        new RunResult("idle", "10000", "switchboard").param("serverReplicas", 1).param("gatewayHeap", "256m")
                .metric("connected", 10_000).metric("serverRssBytes", 400_000_000L)
                .metric("rssGrowthPerConnectionBytes", 6_000).write(dir);
        new RunResult("idle", "50000", "switchboard").param("serverReplicas", 3).param("gatewayHeap", "256m")
                .metric("connected", 50_000).metric("serverRssBytes", 1_200_000_000L)
                .metric("rssGrowthPerConnectionBytes", 10_100).write(dir);

        ReportMain.run(new Args(new String[] {"--dir", dir.toString()}, 0));

        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("| gateway memory <= 10 KB per idle connection at 50k | 9.86 KiB per connection at 50,000 "
                + "connections over 3 gateway replicas of about 16,667 each (their RSS growth summed), fresh gateways "
                + "with -Xmx256m | **not met** |"), "10,100 bytes is over 10 KB even though under 10 KiB: " + md);
        assertTrue(md.contains("| 50000 (3 fresh gateways, -Xmx256m) | switchboard | 50,000 |"), md);
        assertTrue(md.contains("| 10000 (a fresh gateway, -Xmx256m) | switchboard | 10,000 |"), md);
    }

    private static void fanout(Path dir, String target, long delivered) throws Exception {
        new RunResult("fanout", "saturation", target).param("publishers", 4).param("subscribers", 1000)
                .param("windowPerPublisher", 4).metric("deliveredPerSecond", delivered).metric("undelivered", 0)
                .metric("deliveryLatency", Map.of("count", 10, "p50Ms", 3.0, "p99Ms", 12.0, "p999Ms", 20.0))
                .metric("ackLatency", Map.of("count", 10, "p99Ms", 4.0)).write(dir);
    }
}
