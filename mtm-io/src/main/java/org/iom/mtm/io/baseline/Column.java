package org.iom.mtm.io.baseline;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The columns of the baseline long format, with the other names files give them. */
enum Column {
  ADMIN1_PCODE("admin1_pcode", "adm1_pcode", "admin1pcode"),
  ADMIN1_NAME("admin1_name", "adm1_name", "admin1_name_en", "oblast", "region"),
  ADMIN2_PCODE("admin2_pcode", "adm2_pcode", "admin2pcode"),
  ADMIN2_NAME("admin2_name", "adm2_name", "admin2_name_en", "rayon", "district"),
  POPULATION_TYPE("population_type", "population_category", "population"),
  NATIONALITY("nationality", "nationality_iso3", "country_of_origin"),
  YEAR("year"),
  COUNT("count", "value", "number"),
  INFORMANT_ID("informant_id", "ki_id", "key_informant_id", "informant"),
  INFORMANT_SEX("informant_sex", "ki_sex", "key_informant_sex"),
  INFORMANT_ROLE("informant_role", "ki_role", "key_informant_role");

  private final List<String> names;

  Column(String... names) {
    this.names = List.of(names);
  }

  /** The name DESIGN.md gives the column. */
  String canonical() {
    return names.get(0);
  }

  /** Whether a file without this column cannot be read. */
  boolean required() {
    return this == POPULATION_TYPE || this == NATIONALITY || this == YEAR || this == COUNT;
  }

  /** The column a header name stands for, or null for a column we do not read. */
  static @Nullable Column of(String header) {
    String h = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Column c : values()) {
      if (c.names.contains(h)) {
        return c;
      }
    }
    return null;
  }
}
