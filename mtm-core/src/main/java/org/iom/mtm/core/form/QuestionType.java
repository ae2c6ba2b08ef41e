package org.iom.mtm.core.form;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iom.mtm.core.NearestNames;

/**
 * The question types of XLSForm (the {@code type} column of the {@code survey} sheet), with KoBo's
 * and pyxform's alternative spellings. A type that names a choice list ({@code select_one yes_no})
 * is read whole by {@link TypeDeclaration#parse(String)}; this enum is the bare type.
 */
public enum QuestionType {
  /** One choice from a list. */
  SELECT_ONE("select_one", Kind.SELECT),
  /** Any number of choices from a list (space-separated in exports). */
  SELECT_MULTIPLE("select_multiple", Kind.SELECT),
  /** One choice from a list in an attached CSV, XML or GeoJSON file. */
  SELECT_ONE_FROM_FILE("select_one_from_file", Kind.SELECT),
  /** Several choices from a list in an attached file. */
  SELECT_MULTIPLE_FROM_FILE("select_multiple_from_file", Kind.SELECT),
  /** One choice from the {@code external_choices} sheet. */
  SELECT_ONE_EXTERNAL("select_one_external", Kind.SELECT),
  /** An ordering of the choices of a list. */
  RANK("rank", Kind.SELECT),
  /** A whole number. */
  INTEGER("integer", Kind.NUMBER),
  /** A decimal number. */
  DECIMAL("decimal", Kind.NUMBER),
  /** A number picked on a scale (its bounds in {@code parameters}). */
  RANGE("range", Kind.NUMBER),
  /** Free text. */
  TEXT("text", Kind.TEXT),
  /** A calendar date. */
  DATE("date", Kind.TEXT),
  /** A date and time of day ({@code dateTime} in XLSForm). */
  DATETIME("dateTime", Kind.TEXT),
  /** A time of day. */
  TIME("time", Kind.TEXT),
  /** A GPS point. */
  GEOPOINT("geopoint", Kind.TEXT),
  /** A line of GPS points. */
  GEOTRACE("geotrace", Kind.TEXT),
  /** A closed polygon of GPS points. */
  GEOSHAPE("geoshape", Kind.TEXT),
  /** A scanned barcode. */
  BARCODE("barcode", Kind.TEXT),
  /** A value computed from the {@code calculation} column. */
  CALCULATE("calculate", Kind.TEXT),
  /** A value kept in the data but never shown. */
  HIDDEN("hidden", Kind.TEXT),
  /** A statement shown to the enumerator; no answer. */
  NOTE("note", Kind.NONE),
  /** A tick box that records {@code OK} (pyxform's {@code trigger}). */
  ACKNOWLEDGE("acknowledge", Kind.TEXT),
  /** A photograph. */
  IMAGE("image", Kind.MEDIA),
  /** A sound recording. */
  AUDIO("audio", Kind.MEDIA),
  /** A video recording. */
  VIDEO("video", Kind.MEDIA),
  /** Any file. */
  FILE("file", Kind.MEDIA),
  /** An external XML instance attached to the form. */
  XML_EXTERNAL("xml-external", Kind.NONE),
  /** An external CSV instance attached to the form. */
  CSV_EXTERNAL("csv-external", Kind.NONE),
  /** Opens a group of questions. */
  BEGIN_GROUP("begin_group", Kind.STRUCTURE),
  /** Closes a group. */
  END_GROUP("end_group", Kind.STRUCTURE),
  /** Opens a repeat: its questions are answered once per instance. */
  BEGIN_REPEAT("begin_repeat", Kind.STRUCTURE),
  /** Closes a repeat. */
  END_REPEAT("end_repeat", Kind.STRUCTURE),
  /** Metadata: when the interview started. */
  START("start", Kind.METADATA),
  /** Metadata: when the interview ended. */
  END("end", Kind.METADATA),
  /** Metadata: the day of the interview. */
  TODAY("today", Kind.METADATA),
  /** Metadata: the device's identifier. */
  DEVICEID("deviceid", Kind.METADATA),
  /** Metadata: the SIM's subscriber identifier (deprecated by the spec). */
  SUBSCRIBERID("subscriberid", Kind.METADATA),
  /** Metadata: the SIM's serial number. */
  SIMSERIAL("simserial", Kind.METADATA),
  /** Metadata: the device's phone number. */
  PHONENUMBER("phonenumber", Kind.METADATA),
  /** Metadata: the enumerator's user name. */
  USERNAME("username", Kind.METADATA),
  /** Metadata: the enumerator's e-mail. */
  EMAIL("email", Kind.METADATA),
  /** Metadata: the audit log of the interview. */
  AUDIT("audit", Kind.METADATA),
  /** Metadata: the location where the interview started. */
  START_GEOPOINT("start-geopoint", Kind.METADATA),
  /** Metadata: a recording made during the whole interview. */
  BACKGROUND_AUDIO("background-audio", Kind.METADATA);

  /** What a type holds in the data, for readers and validators. */
  private enum Kind {
    SELECT,
    NUMBER,
    TEXT,
    MEDIA,
    NONE,
    STRUCTURE,
    METADATA
  }

  private static final Map<String, QuestionType> BY_SPELLING = new HashMap<>();

  static {
    for (QuestionType t : values()) {
      BY_SPELLING.put(key(t.xlsForm), t);
      BY_SPELLING.put(key(t.name()), t);
    }
    // pyxform's aliases and spellings seen in KoBo forms.
    alias(SELECT_MULTIPLE, "select_all_that_apply");
    alias(INTEGER, "int");
    alias(TEXT, "string");
    alias(IMAGE, "photo", "picture");
    alias(GEOPOINT, "gps", "location");
    alias(ACKNOWLEDGE, "trigger");
    alias(CALCULATE, "calculation");
    alias(DEVICEID, "imei");
    alias(PHONENUMBER, "phone_number");
    alias(BEGIN_REPEAT, "begin_loop");
    alias(END_REPEAT, "end_loop");
  }

  private static void alias(QuestionType t, String... spellings) {
    for (String s : spellings) {
      BY_SPELLING.put(key(s), t);
    }
  }

  /** Case folded, spaces and hyphens read as underscores. */
  static String key(String spelling) {
    return spelling.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
  }

  private final String xlsForm;
  private final Kind kind;

  QuestionType(String xlsForm, Kind kind) {
    this.xlsForm = xlsForm;
    this.kind = kind;
  }

  /**
   * The spelling of the XLSForm specification ({@code select_one}, {@code begin_group},
   * {@code dateTime}, {@code start-geopoint}).
   *
   * @return the spelling
   */
  public String xlsForm() {
    return xlsForm;
  }

  /**
   * Whether the type names a choice list or file after it ({@code select_one yes_no}).
   *
   * @return true for the select types and {@code rank}
   */
  public boolean isSelect() {
    return kind == Kind.SELECT;
  }

  /**
   * Whether the list the type names must be on the form's {@code choices} sheet (the file and
   * external selects name lists held elsewhere).
   *
   * @return true for {@code select_one}, {@code select_multiple} and {@code rank}
   */
  public boolean needsChoiceList() {
    return this == SELECT_ONE || this == SELECT_MULTIPLE || this == RANK;
  }

  /**
   * Whether answers are numbers.
   *
   * @return true for {@code integer}, {@code decimal} and {@code range}
   */
  public boolean isNumeric() {
    return kind == Kind.NUMBER;
  }

  /**
   * Whether the type opens or closes a group or repeat rather than asking a question.
   *
   * @return true for the four group and repeat markers
   */
  public boolean isStructure() {
    return kind == Kind.STRUCTURE;
  }

  /**
   * Whether the type is collected by the device without asking ({@code start}, {@code deviceid},
   * ...).
   *
   * @return true for the metadata types
   */
  public boolean isMetadata() {
    return kind == Kind.METADATA;
  }

  /**
   * Whether the type puts a value in the data: false for notes, external instances and group
   * markers.
   *
   * @return whether an export has a column for it
   */
  public boolean holdsData() {
    return kind != Kind.NONE && kind != Kind.STRUCTURE;
  }

  /**
   * Reads a bare type in any XLSForm or KoBo spelling, case-insensitive, spaces, hyphens and
   * underscores alike ({@code begin group}, {@code begin_group}, {@code Select One}).
   *
   * @param spelling the type, without a list name
   * @return the type
   * @throws IllegalArgumentException naming the spelling and the nearest types when unknown
   */
  public static QuestionType parse(String spelling) {
    return find(spelling)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown XLSForm question type '"
                        + spelling
                        + "'; "
                        + NearestNames.suggest(key(spelling), spellings(), 3)));
  }

  /**
   * Reads a bare type if it is one.
   *
   * @param spelling the type, without a list name
   * @return the type, or empty when the spelling is not one
   */
  public static Optional<QuestionType> find(String spelling) {
    return Optional.ofNullable(BY_SPELLING.get(key(spelling)));
  }

  static List<String> spellings() {
    return java.util.Arrays.stream(values()).map(QuestionType::xlsForm).toList();
  }
}
