package org.iom.mtm.io.dtm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.json.JsonInput;
import org.iom.mtm.io.kobo.KoboJsonReader;
import org.iom.mtm.io.kobo.KoboOptions;
import org.iom.mtm.io.kobo.SurveyRead;
import tools.jackson.databind.JsonNode;

/**
 * Reads a saved response of the IOM DTM API v3 ({@code https://dtmapi.iom.int}, the IDP and
 * admin-level endpoints): {@code {"isSuccess": true, "errorMessages": [], "result": [{...}]}}. A
 * response with {@code isSuccess} false is refused with its error messages; the records of {@code
 * result} become a table whose column types are inferred (numbers such as {@code
 * numPresentIdpInd} numeric, names and p-codes text).
 */
public final class DtmReader {
  /** Largest response read (256 MiB): the envelope is checked on a tree before the records. */
  private static final int MAX_BYTES = 256 << 20;

  private DtmReader() {}

  /**
   * Reads a response file (gzip by magic bytes).
   *
   * @param file the JSON file
   * @return the records and the read report
   * @throws ReadException naming the file when it is not a DTM response, reports failure, or is
   *     malformed
   */
  public static SurveyRead read(Path file) {
    try (InputStream in = RawInput.open(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()), e);
    }
  }

  /**
   * Reads a response.
   *
   * @param in the bytes
   * @param name the name for messages
   * @return the records and the read report
   * @throws ReadException naming the input when it is not a DTM response, reports failure, or is
   *     malformed
   */
  public static SurveyRead read(InputStream in, String name) {
    byte[] bytes;
    try {
      bytes = RawInput.of(in, name).readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read: " + e.getMessage()), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ReadException(ReadProblem.ofFile(name, "response over " + MAX_BYTES + " bytes"));
    }
    JsonNode root = JsonInput.read(new ByteArrayInputStream(bytes), name);
    JsonNode ok = root.get("isSuccess");
    if (!root.isObject() || ok == null || !ok.isBoolean()) {
      throw new ReadException(ReadProblem.ofFile(name, "not a DTM API v3 response: no boolean \"isSuccess\""));
    }
    if (!ok.booleanValue()) {
      List<String> messages = new ArrayList<>();
      JsonNode errs = root.get("errorMessages");
      if (errs != null && errs.isArray()) {
        for (JsonNode m : errs.values()) {
          messages.add(m.isString() ? m.stringValue() : m.toString());
        }
      }
      throw new ReadException(ReadProblem.ofFile(name,
          "the DTM API reported failure: " + (messages.isEmpty() ? "no error message" : String.join("; ", messages))));
    }
    JsonNode result = root.get("result");
    if (result == null || !result.isArray()) {
      throw new ReadException(ReadProblem.ofFile(name, "DTM API response without a \"result\" array"));
    }
    return KoboJsonReader.read(new ByteArrayInputStream(bytes), name, KoboOptions.DEFAULT.withSpecialAnswers(
        org.iom.mtm.io.kobo.SpecialAnswers.none()));
  }
}
