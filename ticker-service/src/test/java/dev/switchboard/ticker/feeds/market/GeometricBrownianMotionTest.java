package dev.switchboard.ticker.feeds.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometricBrownianMotionTest {

    private static final double YEAR = 365.25 * 24 * 3600;

    @Test
    void withoutVolatilityThePriceGrowsAtTheDrift() {
        GeometricBrownianMotion motion = new GeometricBrownianMotion(0.1, 0);
        assertEquals(100 * Math.exp(0.1), motion.next(100, YEAR, 1.7), 1e-9);
    }

    @Test
    void aStepIsLogNormalAroundTheDriftAdjustedMean() {
        GeometricBrownianMotion motion = new GeometricBrownianMotion(0.05, 0.4);
        double dt = 3600;
        double t = dt / YEAR;
        double expected = 50 * Math.exp((0.05 - 0.08) * t + 0.4 * Math.sqrt(t) * 2.0);
        assertEquals(expected, motion.next(50, dt, 2.0), 1e-9);
    }

    @Test
    void evenExtremeShocksKeepThePricePositive() {
        GeometricBrownianMotion motion = new GeometricBrownianMotion(0, 5);
        double price = 10;
        for (int i = 0; i < 1000; i++) {
            price = motion.next(price, 3600, -8);
        }
        assertTrue(price > 0);
    }
}
