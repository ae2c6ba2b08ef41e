package org.iom.mtm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.io.export.BaselineCsvExport;
import org.iom.mtm.io.export.KoboAssetJson;
import org.iom.mtm.io.export.KoboCsvExport;
import org.iom.mtm.testkit.KazakhstanExample;

/**
 * The example data sets embedded in the jar ({@code examples/NAME/} beside this class): the
 * bytes written by the generator, and the committed resources read back.
 */
final class ExampleFiles {

  /** The one example so far. */
  static final String KAZAKHSTAN_2023 = "kazakhstan-2023";

  /** The form (KoBo asset JSON), the survey (KoBo CSV export, {@code ;}) and the baseline (long CSV). */
  static final String FORM = "form.json";

  static final String SURVEY = "survey.csv";

  static final String BASELINE = "baseline.csv";

  private ExampleFiles() {}

  /**
   * The files of {@code kazakhstan-2023} as the generator writes them.
   *
   * @return file name to bytes, in the order form, survey, baseline
   */
  static Map<String, byte[]> generateKazakhstan2023() {
    KazakhstanExample.Result ex = KazakhstanExample.generate();
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringWriter form = new StringWriter();
    KoboAssetJson.write(ex.form(), form);
    files.put(FORM, form.toString().getBytes(StandardCharsets.UTF_8));
    StringWriter survey = new StringWriter();
    KoboCsvExport.write(ex.data(), survey, ';');
    files.put(SURVEY, survey.toString().getBytes(StandardCharsets.UTF_8));
    StringWriter baseline = new StringWriter();
    BaselineCsvExport.write(ex.baseline(), Gazetteer.kazakhstan(), baseline);
    files.put(BASELINE, baseline.toString().getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /**
   * A committed file of an example.
   *
   * @param example the example's name
   * @param file the file's name
   * @return its bytes
   * @throws InputException naming the example when there is no such example
   */
  static byte[] read(String example, String file) {
    String path = "examples/" + example.toLowerCase(Locale.ROOT) + "/" + file;
    try (InputStream in = ExampleFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new InputException("unknown example '" + example + "' (known: " + KAZAKHSTAN_2023 + ")");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
