package org.iom.mtm.io;

import java.util.Locale;

/** The formats a result table is written in. */
public enum ResultFormat {
  /** {@code {"meta": {...}, "rows": [...]}}. */
  JSON,
  /** Comma-separated, header in DESIGN.md's column order. */
  CSV,
  /** CSV with an HXL hashtag row under the header. */
  HXL,
  /** A GitHub-flavoured Markdown table. */
  MARKDOWN,
  /** An aligned text table for terminals and JShell. */
  TABLE;

  /**
   * Parses a format name as given on the command line.
   *
   * @param name {@code json}, {@code csv}, {@code hxl}, {@code markdown} or {@code table}
   * @return the format
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static ResultFormat ofName(String name) {
    for (ResultFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "': expected json, csv, hxl, markdown or table");
  }
}
