package dev.switchboard.bench.scenario;

import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.load.Connector;
import dev.switchboard.bench.load.Target;
import dev.switchboard.bench.result.RunResult;

/** One benchmark scenario, run once against one target. */
public interface Scenario {
    RunResult run(Target target, Connector connector, Args args) throws Exception;
}
