package org.iom.mtm.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The copied fixtures of {@code src/test/resources/fixtures} (see SOURCES.md there). */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A fixture file.
   *
   * @param name the path under {@code fixtures/}
   * @return the file
   */
  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
