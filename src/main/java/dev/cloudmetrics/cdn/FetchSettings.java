package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;

/**
 * How hard a planned run presses the API: requests in flight at once, and requests per second
 * (every attempt counts, retries too).
 */
public record FetchSettings(int concurrency, double requestsPerSecond) {
  public static final int MOST_CONCURRENT = 64;
  public static final double MOST_PER_SECOND = 1000;

  /**
   * Reads {@code --concurrency} and {@code --rate} as typed.
   *
   * @throws InvalidInputException naming the flag, the value and the rule
   */
  public static FetchSettings parse(String concurrency, String rate) {
    int inFlight;
    try {
      inFlight = Integer.parseInt(concurrency.strip());
    } catch (NumberFormatException e) {
      inFlight = 0;
    }
    if (inFlight < 1 || inFlight > MOST_CONCURRENT) {
      throw new InvalidInputException("--concurrency '" + concurrency + "': expected a whole number from 1 to "
          + MOST_CONCURRENT + " (requests in flight at once)");
    }
    double perSecond;
    try {
      perSecond = Double.parseDouble(rate.strip());
    } catch (NumberFormatException e) {
      perSecond = Double.NaN;
    }
    // The negated test also refuses NaN.
    if (!(perSecond > 0 && perSecond <= MOST_PER_SECOND)) {
      throw new InvalidInputException("--rate '" + rate + "': expected requests per second above 0 and at most "
          + (int) MOST_PER_SECOND + ", e.g. 5 or 0.5");
    }
    return new FetchSettings(inFlight, perSecond);
  }
}
