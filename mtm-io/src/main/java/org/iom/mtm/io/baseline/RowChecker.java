package org.iom.mtm.io.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.Sex;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.baseline.DeclaredTotal;
import org.iom.mtm.core.baseline.InformantRole;
import org.iom.mtm.core.baseline.KeyInformant;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rows of one baseline file and collects them: every value against the gazetteer, the
 * country list and the round's years; one informant per cell at most once.
 */
final class RowChecker {
  private final String file;
  private final Gazetteer gazetteer;
  private final @Nullable Integer firstYear;
  private final @Nullable Integer lastYear;
  private final List<BaselineRecord> records = new ArrayList<>();
  private final List<DeclaredTotal> totals = new ArrayList<>();
  /** Cell and informant to the line that first reported it. */
  private final Map<String, Long> seen = new HashMap<>();

  RowChecker(String file, Gazetteer gazetteer, @Nullable Integer firstYear, @Nullable Integer lastYear) {
    this.file = file;
    this.gazetteer = gazetteer;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  /** What the file says of an informant so far, with where it said it. */
  private static final class Described {
    @Nullable Sex sex;
    @Nullable Cell sexAt;
    @Nullable InformantRole role;
    @Nullable Cell roleAt;
  }

  /** Informants described, in the order first described. */
  private final Map<String, Described> described = new LinkedHashMap<>();

  BaselineCounts result() {
    List<KeyInformant> informants = new ArrayList<>();
    described.forEach((id, d) -> informants.add(KeyInformant.of(id, d.sex, d.role)));
    return new BaselineCounts(records, totals, informants);
  }

  /**
   * Records an informant's sex and role (either may be absent or empty); a value contradicting
   * an earlier one for the same id is an error naming the earlier line.
   */
  void describe(String id, @Nullable Cell sexCell, @Nullable Cell roleCell) {
    Described d = described.computeIfAbsent(id, k -> new Described());
    if (sexCell != null && !sexCell.isEmpty()) {
      Sex sex;
      try {
        sex = Sex.parse(sexCell.value());
      } catch (IllegalArgumentException e) {
        throw problem(sexCell, "unknown sex: expected female, male or other");
      }
      if (d.sex != null && d.sex != sex && d.sexAt != null) {
        throw problem(sexCell,
            "informant '" + id + "' was given sex " + d.sex.code() + " at line " + d.sexAt.line());
      }
      if (d.sex == null) {
        d.sex = sex;
        d.sexAt = sexCell;
      }
    }
    if (roleCell != null && !roleCell.isEmpty()) {
      InformantRole role;
      try {
        role = InformantRole.ofCode(roleCell.value());
      } catch (IllegalArgumentException e) {
        throw problem(roleCell,
            "unknown informant role: expected local_authority, community_leader, teacher,"
                + " religious_leader or other");
      }
      if (d.role != null && d.role != role && d.roleAt != null) {
        throw problem(roleCell,
            "informant '" + id + "' was given role " + d.role.code() + " at line " + d.roleAt.line());
      }
      if (d.role == null) {
        d.role = role;
        d.roleAt = roleCell;
      }
    }
  }

  private ReadException problem(Cell c, String reason) {
    return new ReadException(new ReadProblem(file, c.line(), c.column(), c.name(), c.value(), reason));
  }

  /**
   * Checks one row.
   *
   * @param row the row's values by column; a column the file lacks is absent
   * @param line the row's first line, for problems not tied to a value
   * @param rowStartColumn the column where the row starts (1 for CSV, the object's for JSON)
   */
  void add(Map<Column, Cell> row, long line, int rowStartColumn) {
    Cell a1Code = row.get(Column.ADMIN1_PCODE);
    Cell a1Name = row.get(Column.ADMIN1_NAME);
    Cell a2Code = row.get(Column.ADMIN2_PCODE);
    Cell a2Name = row.get(Column.ADMIN2_NAME);
    AdminArea admin1 = area(a1Code, a1Name, 1, null);
    AdminArea admin2 = area(a2Code, a2Name, 2, admin1);
    if (admin2 != null) {
      AdminArea region = gazetteer.ancestorAt(admin2.pcode(), 1);
      if (admin1 == null) {
        admin1 = region;
      } else if (!region.equals(admin1)) {
        Cell at = a1Code != null && !a1Code.isEmpty() ? a1Code : a1Name;
        throw problem(at,
            "not the region of rayon " + admin2.pcode() + " (" + admin2.name() + "), which lies in "
                + region.pcode() + " (" + region.name() + ")");
      }
    }
    PopulationCategory category = category(required(row, Column.POPULATION_TYPE, line, rowStartColumn));
    Cell natCell = required(row, Column.NATIONALITY, line, rowStartColumn);
    String nationality = natCell.isEmpty() ? null : nationality(natCell);
    Cell yearCell = required(row, Column.YEAR, line, rowStartColumn);
    int year = year(yearCell);
    Cell countCell = required(row, Column.COUNT, line, rowStartColumn);
    long count = count(countCell);
    Cell kiCell = row.get(Column.INFORMANT_ID);
    String informant = kiCell == null || kiCell.isEmpty() ? null : kiCell.value();

    Cell sexCell = row.get(Column.INFORMANT_SEX);
    Cell roleCell = row.get(Column.INFORMANT_ROLE);
    if (informant != null) {
      describe(informant, sexCell, roleCell);
    } else {
      for (Cell c : new Cell[] {sexCell, roleCell}) {
        if (c != null && !c.isEmpty()) {
          throw problem(c, "an informant's sex or role without an informant id");
        }
      }
    }
    if (admin2 != null && nationality != null) {
      BaselineRecord r =
          BaselineRecord.of(admin1.pcode(), admin2.pcode(), category, nationality, year, count, informant);
      if (informant != null) {
        String key = admin2.pcode() + " / " + category.code() + " / " + nationality + " / " + year;
        Long first = seen.putIfAbsent(key + "\u0000" + informant, kiCell.line());
        if (first != null) {
          throw problem(kiCell,
              "informant already reported on " + key + " at line " + first);
        }
      }
      records.add(r);
    } else {
      totals.add(
          DeclaredTotal.of(
              admin1 == null ? null : admin1.pcode(),
              admin2 == null ? null : admin2.pcode(),
              category, nationality, year, count, informant));
    }
  }

  private Cell required(Map<Column, Cell> row, Column c, long line, int column) {
    Cell cell = row.get(c);
    if (cell == null) {
      throw new ReadException(
          new ReadProblem(file, line, column, null, null, "no '" + c.canonical() + "' in this row"));
    }
    if (cell.isEmpty() && c != Column.NATIONALITY) {
      throw problem(cell, c.canonical().replace('_', ' ') + " is missing");
    }
    return cell;
  }

  /** The area a p-code or, failing it, a name designates; null when both are absent or empty. */
  private @Nullable AdminArea area(
      @Nullable Cell code, @Nullable Cell name, int level, @Nullable AdminArea within) {
    String what = "admin" + level;
    if (code != null && !code.isEmpty()) {
      Optional<AdminArea> found = gazetteer.find(code.value());
      if (found.isEmpty()) {
        String hint;
        try {
          gazetteer.area(code.value());
          hint = "";
        } catch (IllegalArgumentException e) {
          hint = ": " + e.getMessage();
        }
        throw problem(code, "unknown " + what + " p-code" + hint);
      }
      AdminArea a = found.get();
      if (a.level() != level) {
        throw problem(code, "p-code of " + a.name() + ", an admin" + a.level() + " area, not " + what);
      }
      if (name != null && !name.isEmpty()) {
        Optional<AdminArea> named;
        try {
          named = gazetteer.lookup(name.value(), level);
        } catch (IllegalArgumentException ambiguous) {
          named = Optional.empty();
        }
        if (named.isPresent() && !named.get().equals(a)) {
          throw problem(name,
              "names " + named.get().pcode() + " (" + named.get().name() + ") but the p-code is "
                  + a.pcode() + " (" + a.name() + ")");
        }
      }
      return a;
    }
    if (name != null && !name.isEmpty()) {
      try {
        return within == null
            ? gazetteer.resolve(name.value(), level)
            : gazetteer.resolveWithin(name.value(), within.pcode());
      } catch (IllegalArgumentException e) {
        throw problem(name, "unknown " + what + " name: " + e.getMessage());
      }
    }
    return null;
  }

  private PopulationCategory category(Cell c) {
    try {
      return PopulationCategory.ofCode(c.value());
    } catch (IllegalArgumentException e) {
      throw problem(c, "unknown population type: expected migrant_worker, return_migrant or emigrant");
    }
  }

  private String nationality(Cell c) {
    try {
      return c.value().length() == 3 ? Country.of(c.value()).alpha3() : Country.resolve(c.value()).alpha3();
    } catch (IllegalArgumentException e) {
      throw problem(c, "unknown nationality: " + e.getMessage());
    }
  }

  private int year(Cell c) {
    String v = c.value();
    if (!digits(v) || v.length() > 4) {
      throw problem(c, "year is not a whole number of four digits");
    }
    int y = Integer.parseInt(v);
    if (firstYear != null && y < firstYear || lastYear != null && y > lastYear) {
      throw problem(c,
          "year outside the round's years " + (firstYear == null ? "" : firstYear) + "-"
              + (lastYear == null ? "" : lastYear));
    }
    if (y < 1900 || y > 2100) {
      throw problem(c, "year outside 1900-2100");
    }
    return y;
  }

  private long count(Cell c) {
    String v = c.value();
    if (digits(v)) {
      if (v.length() > 15) {
        throw problem(c, "count is too large to be a number of people");
      }
      return Long.parseLong(v);
    }
    if (v.startsWith("-") && (digits(v.substring(1)) || number(v.substring(1)))) {
      throw problem(c, "count is negative");
    }
    if (number(v)) {
      throw problem(c, "count is not a whole number of people");
    }
    throw problem(c, "count is not a number");
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** A decimal number with a point or an exponent, as a spreadsheet writes one. */
  private static boolean number(String s) {
    try {
      Double.parseDouble(s);
      return !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
