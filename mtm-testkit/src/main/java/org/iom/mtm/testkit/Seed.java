package org.iom.mtm.testkit;

import java.util.SplittableRandom;

/**
 * A seed for the synthetic-data generator: the same seed gives the same bytes on every machine.
 *
 * @param value the seed
 */
public record Seed(long value) {

  /**
   * A fresh, independent random stream for this seed and a named purpose, so that adding a new
   * generated column never changes the values of the existing ones.
   *
   * @param purpose what the stream is for (a column name, say)
   * @return a random stream determined by the seed and the purpose
   */
  public SplittableRandom stream(String purpose) {
    long h = value * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < purpose.length(); i++) {
      h = (h ^ purpose.charAt(i)) * 0x100000001B3L;
    }
    return new SplittableRandom(h);
  }
}
