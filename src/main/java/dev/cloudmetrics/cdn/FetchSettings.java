package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.RequestPacing;

/**
 * How hard a planned run presses the API: requests in flight at once, and requests per second
 * (every attempt counts, retries too).
 */
public record FetchSettings(int concurrency, double requestsPerSecond) {
  public static final int MOST_CONCURRENT = 64;

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
    double perSecond = RequestPacing.parseRate(rate, "5");
    return new FetchSettings(inFlight, perSecond);
  }
}
