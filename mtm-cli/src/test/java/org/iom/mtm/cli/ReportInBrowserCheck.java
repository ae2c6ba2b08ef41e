package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: Debian's Chromium renders it headless to a PNG that must not be
 * blank. Runs in the {@code browser} profile, which Maven activates where {@code
 * /usr/bin/chromium} exists; {@code .ci/run} installs it.
 */
class ReportInBrowserCheck {

  @TempDir Path dir;

  @Test
  void theReportRendersToANonBlankPage() throws IOException, InterruptedException {
    Path out = dir.resolve("report");
    MtmTest.Run r = MtmTest.mtm("report", "--example", "kazakhstan-2023", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    Path png = dir.resolve("report.png");
    Process p =
        new ProcessBuilder(
                List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--hide-scrollbars",
                    "--window-size=1280,4000", "--screenshot=" + png, out.resolve("report.html").toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
    assertTrue(Files.size(png) > 10_000, "screenshot of " + Files.size(png) + " bytes");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    // A blank page has one colour; the report's text, tables and bar charts give hundreds, and
    // a good part of the page is not background.
    Set<Integer> colours = new HashSet<>();
    long notBackground = 0;
    int background = image.getRGB(0, 0);
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        if (rgb != background) {
          notBackground++;
        }
      }
    }
    long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
    assertTrue(colours.size() > 50, "colours: " + colours.size());
    assertTrue(notBackground > sampled / 50, "non-background pixels: " + notBackground + " of " + sampled);
  }
}
