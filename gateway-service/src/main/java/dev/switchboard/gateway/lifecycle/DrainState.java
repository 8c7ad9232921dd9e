package dev.switchboard.gateway.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether this replica is draining: readiness is false from the first moment of a shutdown. */
@ApplicationScoped
public class DrainState {

    private volatile boolean draining;

    public boolean isDraining() {
        return draining;
    }

    void start() {
        draining = true;
    }
}
