package dev.switchboard.ticker.feeds.market;

/** One step of a geometric Brownian motion: log-normal, so a price never reaches zero or below. */
public record GeometricBrownianMotion(double drift, double volatility) {

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    /**
     * @param price          the current price, positive
     * @param elapsedSeconds simulated seconds since the current price
     * @param gaussian       a standard normal draw
     */
    public double next(double price, double elapsedSeconds, double gaussian) {
        double dt = elapsedSeconds / SECONDS_PER_YEAR;
        return price * Math.exp((drift - volatility * volatility / 2) * dt + volatility * Math.sqrt(dt) * gaussian);
    }
}
