package org.iom.mtm.io.hxl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.jspecify.annotations.Nullable;

/**
 * An HXL-tagged CSV table: the hashtag row is the first of the first 25 rows whose non-empty cells
 * are all hashtags ({@code #tag} with optional {@code +attribute}s); the rows above it are text
 * headers (the last one kept as column names), the rows below are data. Columns are found by
 * query: {@code #adm1+code} matches a column tagged {@code #adm1 +code +v_pcode}, as the HXL
 * standard's tag patterns do (the query's attributes must all be present; case is ignored).
 */
public final class HxlTable {
  private static final int MAX_HEADER_ROWS = 25;

  private final String file;
  private final List<String> names;
  private final List<Tag> tags;
  private final List<CsvRecord> rows;

  /**
   * A parsed hashtag: the tag and its attributes, lower case.
   *
   * @param tag the tag with its {@code #}, such as {@code #adm1}
   * @param attributes the attributes without {@code +}
   */
  public record Tag(String tag, Set<String> attributes) {
    /**
     * Copies.
     *
     * @throws NullPointerException when a part is null
     */
    public Tag {
      Objects.requireNonNull(tag, "tag");
      attributes = Set.copyOf(attributes);
    }

    /**
     * Parses a hashtag cell such as {@code #affected +f +children}.
     *
     * @param cell the cell
     * @return the tag, or null when the cell is not a hashtag
     */
    public static @Nullable Tag parse(String cell) {
      String s = cell.strip().toLowerCase(Locale.ROOT);
      if (s.length() < 2 || s.charAt(0) != '#' || !Character.isLetter(s.charAt(1))) {
        return null;
      }
      String[] parts = s.split("\\s*\\+\\s*");
      String tag = parts[0].strip();
      for (int i = 1; i < tag.length(); i++) {
        char c = tag.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '_') {
          return null;
        }
      }
      Set<String> attrs = new HashSet<>(Arrays.asList(parts).subList(1, parts.length));
      attrs.remove("");
      return new Tag(tag, attrs);
    }

    /**
     * Whether this column tag satisfies a query: same tag, and every attribute of the query.
     *
     * @param query the query, such as {@code #adm1+code}
     * @return true on a match
     */
    public boolean matches(Tag query) {
      return tag.equals(query.tag) && attributes.containsAll(query.attributes);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(tag);
      attributes.stream().sorted().forEach(a -> sb.append('+').append(a));
      return sb.toString();
    }
  }

  private HxlTable(String file, List<String> names, List<Tag> tags, List<CsvRecord> rows) {
    this.file = file;
    this.names = names;
    this.tags = tags;
    this.rows = rows;
  }

  /**
   * Reads an HXL-tagged CSV (delimiter, encoding and gzip detected).
   *
   * @param path the file
   * @return the table
   * @throws ReadException naming the file when no hashtag row is found in the first 25 rows, or
   *     the CSV is malformed
   */
  public static HxlTable read(Path path) {
    try (CsvReader r = CsvReader.open(path, CsvOptions.DETECT.withHeader(false))) {
      return read(r);
    }
  }

  /**
   * Reads HXL-tagged CSV from a reader already opened without a header.
   *
   * @param r the reader ({@link CsvOptions#withHeader(boolean)} false)
   * @return the table
   * @throws ReadException naming the file when no hashtag row is found in the first 25 rows
   */
  public static HxlTable read(CsvReader r) {
    List<CsvRecord> before = new ArrayList<>();
    CsvRecord hashtags = null;
    for (CsvRecord rec = r.next(); rec != null && before.size() < MAX_HEADER_ROWS; rec = r.next()) {
      if (isHashtagRow(rec)) {
        hashtags = rec;
        break;
      }
      before.add(rec);
    }
    if (hashtags == null) {
      throw new ReadException(ReadProblem.ofFile(r.file(), "no HXL hashtag row in the first " + MAX_HEADER_ROWS + " rows"));
    }
    List<Tag> tags = new ArrayList<>();
    List<String> names = new ArrayList<>();
    CsvRecord header = before.isEmpty() ? null : before.get(before.size() - 1);
    for (int i = 0; i < hashtags.size(); i++) {
      Tag t = Tag.parse(hashtags.get(i));
      tags.add(t == null ? new Tag("", Set.of()) : t);
      String name = header != null && i < header.size() ? header.get(i).strip() : "";
      if (i == 0 && header != null) {
        name = name.replace("\uFEFF", "");
      }
      names.add(name.isEmpty() ? hashtags.get(i).strip() : name);
    }
    return new HxlTable(r.file(), List.copyOf(names), List.copyOf(tags), r.readAll());
  }

  private static boolean isHashtagRow(CsvRecord rec) {
    boolean any = false;
    for (String c : rec.cells()) {
      if (c.isBlank()) {
        continue;
      }
      if (Tag.parse(c) == null) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /**
   * The column names (the text header above the hashtags, else the hashtags).
   *
   * @return an immutable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * The hashtag of each column (an empty tag where the cell had none).
   *
   * @return an immutable list
   */
  public List<Tag> tags() {
    return tags;
  }

  /**
   * The data rows, each with its line.
   *
   * @return an immutable list
   */
  public List<CsvRecord> rows() {
    return List.copyOf(rows);
  }

  /**
   * The first column whose hashtag matches a query.
   *
   * @param query a hashtag query such as {@code #adm1+code}
   * @return the 0-based column index
   * @throws ReadException naming the file and the query when no column matches
   * @throws IllegalArgumentException when the query is not a hashtag
   */
  public int column(String query) {
    Tag q = Tag.parse(query);
    if (q == null) {
      throw new IllegalArgumentException("not an HXL hashtag query: '" + query + "'");
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).matches(q)) {
        return i;
      }
    }
    throw new ReadException(ReadProblem.ofFile(file, "no column tagged " + query + "; tags are " + tags));
  }

  /**
   * The file name.
   *
   * @return the name
   */
  public String file() {
    return file;
  }
}
