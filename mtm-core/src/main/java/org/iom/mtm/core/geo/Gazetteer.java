package org.iom.mtm.core.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.iom.mtm.core.NearestNames;
import org.jspecify.annotations.Nullable;

/**
 * The administrative areas of a country and the ways reports name them. Resolves a p-code, an
 * ISO 3166-2 code (current or legacy) or a name, ignoring case, accents and punctuation, through
 * the alternative spellings the gazetteer knows ({@code Nur-Sultan} is Astana, {@code Mangistau}
 * is Mangystau Region) and through the generic words names carry or drop ({@code Mangystau} is
 * {@code Mangystau Region}). Immutable.
 *
 * <p>A name matched exactly (or as an alternative spelling) wins over a name matched without its
 * generic word, level by level; a name that still fits several areas is ambiguous and fails
 * naming them, and the caller then says the level ({@link #resolve(String, int)}) or the
 * enclosing area ({@link #resolveWithin(String, String)}).
 */
public final class Gazetteer {
  private static final String RESOURCES = "/org/iom/mtm/core/geo/";
  private static volatile @Nullable Gazetteer kazakhstan;

  private final String name;
  private final List<AdminArea> areas;
  private final Map<String, AdminArea> byPcode;
  private final Map<String, AdminArea> byIso;
  private final Map<String, List<AdminArea>> byNameKey;
  private final Map<String, List<AdminArea>> byBaseKey;
  private final Map<String, List<AdminArea>> children;

  private Gazetteer(String name, List<AdminArea> areas) {
    this.name = name;
    this.areas = areas;
    Map<String, AdminArea> pcodes = new HashMap<>();
    Map<String, AdminArea> isos = new HashMap<>();
    Map<String, List<AdminArea>> names = new HashMap<>();
    Map<String, List<AdminArea>> bases = new HashMap<>();
    Map<String, List<AdminArea>> kids = new HashMap<>();
    for (AdminArea a : areas) {
      pcodes.put(a.pcode().toUpperCase(Locale.ROOT), a);
      if (a.iso() != null) {
        isos.put(a.iso().toUpperCase(Locale.ROOT), a);
      }
      if (a.isoLegacy() != null) {
        isos.put(a.isoLegacy().toUpperCase(Locale.ROOT), a);
      }
      for (String n : spellings(a)) {
        addOnce(names, PlaceNames.key(n), a);
        addOnce(bases, PlaceNames.baseKey(n), a);
      }
      if (a.parentPcode() != null) {
        kids.computeIfAbsent(a.parentPcode(), k -> new ArrayList<>()).add(a);
      }
    }
    this.byPcode = pcodes;
    this.byIso = isos;
    this.byNameKey = names;
    this.byBaseKey = bases;
    Map<String, List<AdminArea>> frozen = new HashMap<>();
    kids.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.children = frozen;
  }

  private static void addOnce(Map<String, List<AdminArea>> index, String key, AdminArea a) {
    if (key.isEmpty()) {
      return;
    }
    List<AdminArea> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(a)) {
      list.add(a);
    }
  }

  private static List<String> spellings(AdminArea a) {
    List<String> all = new ArrayList<>();
    all.add(a.name());
    all.addAll(a.alternativeNames());
    return all;
  }

  /**
   * A gazetteer of the given areas.
   *
   * @param name what the gazetteer covers, for messages ({@code Kazakhstan})
   * @param areas the areas, p-codes distinct
   * @return the gazetteer
   * @throws IllegalArgumentException naming the value when a p-code or ISO code repeats, a parent
   *     is missing, or a parent's level is not above its child's
   */
  public static Gazetteer of(String name, List<AdminArea> areas) {
    return build(name, areas, (a, column) -> "");
  }

  /** Where an area came from, for messages: {@code "file.csv:12:4: "}, or nothing. */
  private interface Locator {
    String at(AdminArea area, String column);
  }

  private static Gazetteer build(String name, List<AdminArea> areas, Locator where) {
    Objects.requireNonNull(name, "name");
    List<AdminArea> copy = List.copyOf(areas);
    Map<String, AdminArea> pcodes = new HashMap<>();
    Map<String, AdminArea> isos = new HashMap<>();
    for (AdminArea a : copy) {
      AdminArea clash = pcodes.putIfAbsent(a.pcode().toUpperCase(Locale.ROOT), a);
      if (clash != null) {
        throw new IllegalArgumentException(
            where.at(a, "pcode") + "p-code '" + a.pcode() + "' appears twice in gazetteer " + name
                + (clash.pcode().equals(a.pcode()) ? "" : " (as '" + clash.pcode() + "'; p-codes ignore case)"));
      }
      for (String column : List.of("iso", "iso_legacy")) {
        String iso = column.equals("iso") ? a.iso() : a.isoLegacy();
        if (iso != null) {
          AdminArea other = isos.putIfAbsent(iso.toUpperCase(Locale.ROOT), a);
          if (other != null && other != a) {
            throw new IllegalArgumentException(
                where.at(a, column) + "ISO code '" + iso + "' of " + a.pcode() + " is also that of "
                    + other.pcode());
          }
        }
      }
    }
    for (AdminArea a : copy) {
      String parent = a.parentPcode();
      if (parent == null) {
        continue;
      }
      AdminArea p = pcodes.get(parent.toUpperCase(Locale.ROOT));
      if (p == null) {
        throw new IllegalArgumentException(
            where.at(a, "parent_pcode") + "area " + a.pcode() + " names parent '" + parent
                + "', which gazetteer " + name + " lacks");
      }
      if (p.level() >= a.level()) {
        throw new IllegalArgumentException(
            where.at(a, "parent_pcode") + "area " + a.pcode() + " (level " + a.level() + ") has parent "
                + p.pcode() + " at level " + p.level() + ", not above it");
      }
    }
    return new Gazetteer(name, copy);
  }

  /**
   * Kazakhstan: the country ({@code KAZ}, level 0), its 20 admin1 units (17 regions and the
   * cities of Almaty, Astana and Shymkent, p-codes {@code KAZ001}..{@code KAZ020}) and 218 admin2
   * districts and cities, from OCHA's p-code list, with ISO 3166-2 codes and the alternative
   * spellings reports use. Loaded once from the library's resources.
   *
   * @return the gazetteer
   */
  public static Gazetteer kazakhstan() {
    Gazetteer g = kazakhstan;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = kazakhstan;
        if (g == null) {
          g = loadKazakhstan();
          kazakhstan = g;
        }
      }
    }
    return g;
  }

  private static Gazetteer loadKazakhstan() {
    Map<String, List<String>> alternatives = new HashMap<>();
    for (CsvRecords.Row r : resource("kz_alt_names.csv")) {
      if (!r.fields().get(0).equals("pcode")) {
        alternatives.computeIfAbsent(r.fields().get(0), k -> new ArrayList<>()).add(r.fields().get(1));
      }
    }
    List<AdminArea> areas = new ArrayList<>();
    areas.add(
        new AdminArea("KAZ", "Kazakhstan", 0, null, null, null, alternatives.getOrDefault("KAZ", List.of())));
    List<CsvRecords.Row> admin1 = resource("kz_admin1.csv");
    // admin1_pcode,admin1_name_en,iso_3166_2,iso_3166_2_name,iso_3166_2_legacy,type,pcode_valid_from
    for (CsvRecords.Row r : admin1.subList(1, admin1.size())) {
      List<String> f = r.fields();
      List<String> alt = new ArrayList<>(alternatives.getOrDefault(f.get(0), List.of()));
      alt.add(f.get(3));
      areas.add(new AdminArea(f.get(0), f.get(1), 1, "KAZ", f.get(2), f.get(4), alt));
    }
    List<CsvRecords.Row> admin2 = resource("kz_admin2.csv");
    // admin2_pcode,admin2_name_en,admin1_pcode,admin1_name_en,iso_3166_2_admin1,pcode_valid_from
    for (CsvRecords.Row r : admin2.subList(1, admin2.size())) {
      List<String> f = r.fields();
      areas.add(
          new AdminArea(f.get(0), f.get(1), 2, f.get(2), null, null,
              alternatives.getOrDefault(f.get(0), List.of())));
    }
    return of("Kazakhstan", areas);
  }

  private static List<CsvRecords.Row> resource(String file) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCES + file + " is missing from mtm-core");
      }
      return CsvRecords.read(new InputStreamReader(in, StandardCharsets.UTF_8), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads another country's gazetteer from CSV with a header row naming the columns
   * {@code pcode,name,level,parent_pcode} and optionally {@code iso,iso_legacy,alt_names}, in any
   * order ({@code alt_names} separated by {@code |}). Lines starting with {@code #} are comments.
   *
   * @param csv the CSV text; not closed
   * @param source the file name, for messages
   * @return the gazetteer, named after the source
   * @throws IllegalArgumentException naming the source, line and column and the value when a
   *     column is missing, a level is not a whole number, a p-code repeats or a parent is missing
   * @throws UncheckedIOException when the reader fails
   */
  public static Gazetteer fromCsv(Reader csv, String source) {
    Objects.requireNonNull(source, "source");
    List<CsvRecords.Row> rows = CsvRecords.read(Objects.requireNonNull(csv, "csv"), source);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(source + ": no header row (pcode,name,level,parent_pcode)");
    }
    CsvRecords.Row header = rows.get(0);
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      column.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    for (String required : List.of("pcode", "name", "level", "parent_pcode")) {
      if (!column.containsKey(required)) {
        throw new IllegalArgumentException(
            source + ":" + header.line() + ": no column '" + required + "' in header "
                + header.fields());
      }
    }
    Map<AdminArea, Integer> lineOf = new IdentityHashMap<>();
    List<AdminArea> areas = new ArrayList<>();
    for (CsvRecords.Row r : rows.subList(1, rows.size())) {
      String at = source + ":" + r.line() + ":";
      if (r.fields().size() != header.fields().size()) {
        throw new IllegalArgumentException(
            at + " " + r.fields().size() + " fields where the header has " + header.fields().size());
      }
      Function<String, @Nullable String> cell =
          c -> column.containsKey(c) ? r.fields().get(column.get(c)).strip() : null;
      String levelText = Objects.requireNonNull(cell.apply("level"));
      int level;
      try {
        level = Integer.parseInt(levelText, 10);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            at + (column.get("level") + 1) + ": level '" + levelText + "' is not a whole number", e);
      }
      String alt = cell.apply("alt_names");
      AdminArea a;
      try {
        a =
            new AdminArea(
                Objects.requireNonNull(cell.apply("pcode")),
                Objects.requireNonNull(cell.apply("name")),
                level,
                cell.apply("parent_pcode"),
                cell.apply("iso"),
                cell.apply("iso_legacy"),
                alt == null || alt.isBlank() ? List.of() : Arrays.asList(alt.split("\\|")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + " " + e.getMessage(), e);
      }
      lineOf.put(a, r.line());
      areas.add(a);
    }
    return build(
        source,
        areas,
        (a, c) -> source + ":" + lineOf.get(a) + ":" + (column.containsKey(c) ? column.get(c) + 1 + ":" : "") + " ");
  }

  /**
   * What the gazetteer covers ({@code Kazakhstan}, or the source file).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Every area, in the order given.
   *
   * @return an immutable list
   */
  public List<AdminArea> areas() {
    return areas;
  }

  /**
   * The areas of one level, in order.
   *
   * @param level the level
   * @return an immutable list, empty when none
   */
  public List<AdminArea> atLevel(int level) {
    return areas.stream().filter(a -> a.level() == level).toList();
  }

  /**
   * An area by p-code, ignoring case.
   *
   * @param pcode the p-code
   * @return the area, or empty
   */
  public Optional<AdminArea> find(String pcode) {
    return Optional.ofNullable(byPcode.get(pcode.strip().toUpperCase(Locale.ROOT)));
  }

  /**
   * An area by p-code, ignoring case.
   *
   * @param pcode the p-code
   * @return the area
   * @throws IllegalArgumentException naming the p-code and the nearest ones when unknown
   */
  public AdminArea area(String pcode) {
    return find(pcode)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no p-code '" + pcode + "' in gazetteer " + name + "; "
                        + NearestNames.suggest(pcode, byPcode.keySet().stream().sorted().toList(), 3)));
  }

  /**
   * Resolves a p-code, an ISO 3166-2 code (current or legacy) or a name at any level.
   *
   * @param text the code or name
   * @return the area
   * @throws IllegalArgumentException naming the value and the 3 nearest names when unknown, or the
   *     candidates when the name is ambiguous
   */
  public AdminArea resolve(String text) {
    return resolve(text, null, a -> true, "");
  }

  /**
   * Resolves a p-code, ISO code or name at one level: {@code resolve("Almaty", 1)} is the city of
   * Almaty, {@code resolve("Karaganda", 1)} the region where {@code resolve("Karaganda")} is
   * ambiguous between the region and its capital.
   *
   * @param text the code or name
   * @param level the level the area must have
   * @return the area
   * @throws IllegalArgumentException naming the value when no area of that level matches, or
   *     several do
   */
  public AdminArea resolve(String text, int level) {
    return resolve(text, level, a -> true, "");
  }

  /**
   * Resolves a name among the areas inside another ({@code resolveWithin("Abay District",
   * "Karaganda Region")}), for names that several regions share.
   *
   * @param text the code or name
   * @param ancestor the enclosing area's p-code, ISO code or name
   * @return the area
   * @throws IllegalArgumentException naming the value when the ancestor does not resolve, or no
   *     area or several areas inside it match
   */
  public AdminArea resolveWithin(String text, String ancestor) {
    AdminArea outer = resolve(ancestor);
    return resolve(
        text,
        null,
        a -> a.level() > outer.level() && ancestorAt(a.pcode(), outer.level()).equals(outer),
        " within " + outer.name() + " (" + outer.pcode() + ")");
  }

  /**
   * Resolves like {@link #resolve(String)} but gives nothing for an unknown name.
   *
   * @param text the code or name
   * @return the area, or empty when nothing matches
   * @throws IllegalArgumentException naming the candidates when the name is ambiguous
   */
  public Optional<AdminArea> lookup(String text) {
    return lookup(text, null, a -> true, "");
  }

  /**
   * Resolves like {@link #resolve(String, int)} but gives nothing for an unknown name.
   *
   * @param text the code or name
   * @param level the level the area must have
   * @return the area, or empty when nothing matches
   * @throws IllegalArgumentException naming the candidates when the name is ambiguous
   */
  public Optional<AdminArea> lookup(String text, int level) {
    return lookup(text, level, a -> true, "");
  }

  private AdminArea resolve(
      String text, @Nullable Integer level, Predicate<AdminArea> inside, String scope) {
    return lookup(text, level, inside, scope)
        .orElseThrow(() -> unknown(text, level, inside, scope));
  }

  private Optional<AdminArea> lookup(
      String text, @Nullable Integer level, Predicate<AdminArea> inside, String scope) {
    Objects.requireNonNull(text, "area");
    Predicate<AdminArea> wanted = a -> (level == null || a.level() == level) && inside.test(a);
    String code = text.strip().toUpperCase(Locale.ROOT);
    AdminArea byCode = byPcode.get(code);
    if (byCode == null) {
      byCode = byIso.get(code);
    }
    if (byCode != null && wanted.test(byCode)) {
      return Optional.of(byCode);
    }
    // An exact spelling wins over one matched without its generic word, except that for a bare
    // name a larger area so matched ("Karaganda" for Karaganda Region) competes with a smaller
    // one named exactly (the city of Karaganda): a report naming a region seldom writes "Region".
    // A name with its generic word ("Almaty District") means what it says.
    String key = PlaceNames.key(text);
    boolean bare = key.equals(PlaceNames.baseKey(text));
    List<AdminArea> exact = filter(byNameKey.get(key), wanted);
    List<AdminArea> base = new ArrayList<>(filter(byBaseKey.get(PlaceNames.baseKey(text)), wanted));
    base.removeAll(exact);
    List<AdminArea> found;
    if (exact.isEmpty()) {
      found = base;
    } else if (!bare) {
      found = exact;
    } else {
      int top = exact.stream().mapToInt(AdminArea::level).min().orElseThrow();
      found = new ArrayList<>(exact);
      base.stream().filter(a -> a.level() < top).forEach(found::add);
    }
    if (found.size() > 1) {
      throw ambiguous(text, found, scope);
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<AdminArea> filter(@Nullable List<AdminArea> list, Predicate<AdminArea> p) {
    return list == null ? List.of() : list.stream().filter(p).toList();
  }

  private IllegalArgumentException ambiguous(String text, List<AdminArea> found, String scope) {
    boolean oneLevel = found.stream().map(AdminArea::level).distinct().count() == 1;
    String listed =
        found.stream()
            .map(a -> describe(a) + ", level " + a.level() + parentNote(a))
            .collect(Collectors.joining("; "));
    String advice =
        oneLevel
            ? "name the enclosing area (resolveWithin) or use a p-code"
            : "say the level or use a p-code";
    return new IllegalArgumentException(
        "area name '" + text + "' is ambiguous in gazetteer " + name + scope + ": " + listed + "; "
            + advice);
  }

  private String parentNote(AdminArea a) {
    String p = a.parentPcode();
    AdminArea parent = p == null ? null : byPcode.get(p.toUpperCase(Locale.ROOT));
    return parent == null ? "" : ", in " + parent.name();
  }

  private static String describe(AdminArea a) {
    return a.name() + " (" + a.pcode() + ")";
  }

  private IllegalArgumentException unknown(
      String text, @Nullable Integer level, Predicate<AdminArea> inside, String scope) {
    Predicate<AdminArea> wanted = a -> (level == null || a.level() == level) && inside.test(a);
    // Nearest spellings, each mapped back to its area, three distinct areas.
    Map<String, AdminArea> spellingToArea = new LinkedHashMap<>();
    for (AdminArea a : areas) {
      if (wanted.test(a)) {
        for (String s : spellings(a)) {
          spellingToArea.putIfAbsent(s, a);
        }
      }
    }
    Set<AdminArea> near = new LinkedHashSet<>();
    for (String s : NearestNames.nearest(text, spellingToArea.keySet(), spellingToArea.size() + 1, PlaceNames::baseKey)) {
      near.add(spellingToArea.get(s));
      if (near.size() == 3) {
        break;
      }
    }
    String levelNote = level == null ? "" : " at level " + level;
    return new IllegalArgumentException(
        "unknown area '" + text + "'" + levelNote + " in gazetteer " + name + scope + "; "
            + (near.isEmpty()
                ? "no area there"
                : "nearest: " + near.stream().map(Gazetteer::describe).collect(Collectors.joining(", "))));
  }

  /**
   * The areas directly inside an area.
   *
   * @param pcode the area's p-code
   * @return an immutable list, empty for the lowest level
   * @throws IllegalArgumentException naming the p-code when unknown
   */
  public List<AdminArea> children(String pcode) {
    return children.getOrDefault(area(pcode).pcode(), List.of());
  }

  /**
   * The area directly enclosing an area.
   *
   * @param pcode the area's p-code
   * @return the parent, or empty at the top of the gazetteer
   * @throws IllegalArgumentException naming the p-code when unknown
   */
  public Optional<AdminArea> parent(String pcode) {
    String p = area(pcode).parentPcode();
    return p == null ? Optional.empty() : Optional.of(area(p));
  }

  /**
   * The area at a level that encloses an area, for rolling districts up to regions
   * ({@code ancestorAt("KAZ011005", 1)} is Karaganda Region); an area at that level is its own
   * ancestor.
   *
   * @param pcode the area's p-code
   * @param level a level not below the area's
   * @return the enclosing area
   * @throws IllegalArgumentException naming the p-code and level when the level is below the
   *     area's or no ancestor sits at it
   */
  public AdminArea ancestorAt(String pcode, int level) {
    AdminArea a = area(pcode);
    if (level > a.level()) {
      throw new IllegalArgumentException(
          "area " + a.pcode() + " is at level " + a.level() + ", above level " + level);
    }
    while (a.level() > level) {
      String p = a.parentPcode();
      if (p == null) {
        throw new IllegalArgumentException(
            "area " + pcode + " has no ancestor at level " + level + " in gazetteer " + name);
      }
      a = area(p);
    }
    if (a.level() != level) {
      throw new IllegalArgumentException(
          "area " + pcode + " has no ancestor at level " + level + " in gazetteer " + name);
    }
    return a;
  }

  /**
   * The levels present, lowest first.
   *
   * @return an immutable list
   */
  public List<Integer> levels() {
    return List.copyOf(new TreeSet<>(areas.stream().map(AdminArea::level).toList()));
  }

  @Override
  public String toString() {
    return "Gazetteer[" + name + ", " + areas.size() + " areas]";
  }
}
