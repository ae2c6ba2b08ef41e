package org.iom.mtm.core.form;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iom.mtm.core.NearestNames;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire as an XLSForm describes it: its settings, its questions in order, its groups
 * and repeats, and its choice lists. Immutable; built by {@link #builder(String)} row by row as the
 * {@code survey} sheet reads, or assembled by {@link #of}.
 *
 * <p>Questions are found by name ({@code age}) when the name is unique in the form, and always by
 * path ({@code profile/age}); an unknown name fails with the nearest names there are.
 */
public final class Questionnaire {
  private final String id;
  private final String title;
  private final @Nullable String version;
  private final @Nullable String defaultLanguage;
  private final List<Question> questions;
  private final List<Group> groups;
  private final Map<String, ChoiceList> choiceLists;
  private final Map<String, Question> byPath;
  private final Map<String, List<Question>> byName;
  private final Map<String, Group> groupsByPath;

  private Questionnaire(
      String id,
      String title,
      @Nullable String version,
      @Nullable String defaultLanguage,
      List<Question> questions,
      List<Group> groups,
      Map<String, ChoiceList> choiceLists,
      Map<String, Question> byPath,
      Map<String, List<Question>> byName,
      Map<String, Group> groupsByPath) {
    this.id = id;
    this.title = title;
    this.version = version;
    this.defaultLanguage = defaultLanguage;
    this.questions = questions;
    this.groups = groups;
    this.choiceLists = choiceLists;
    this.byPath = byPath;
    this.byName = byName;
    this.groupsByPath = groupsByPath;
  }

  /**
   * Assembles and checks a questionnaire whose questions already carry their group paths.
   *
   * @param id the form id ({@code form_id} of the settings sheet); not blank
   * @param title the title, or null for the id
   * @param version the version, or null
   * @param defaultLanguage the default language key, or null
   * @param questions the questions in form order
   * @param groups the groups and repeats, each after its parent
   * @param choiceLists the choice lists
   * @return the questionnaire
   * @throws IllegalArgumentException naming the value when the id is blank, two questions or
   *     groups share a path (or a name in one group, ignoring case), a question or group sits in
   *     an undeclared group, a question's repeat is not its innermost repeat, two lists share a
   *     name, or a select names a list the form lacks
   */
  public static Questionnaire of(
      String id,
      @Nullable String title,
      @Nullable String version,
      @Nullable String defaultLanguage,
      List<Question> questions,
      List<Group> groups,
      List<ChoiceList> choiceLists) {
    Objects.requireNonNull(id, "form id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("form id is blank: '" + id + "'");
    }
    List<Question> qs = List.copyOf(questions);
    List<Group> gs = List.copyOf(groups);

    Map<String, Group> groupsByPath = new LinkedHashMap<>();
    Map<String, String> sectionNames = new HashMap<>();
    for (Group g : gs) {
      String parent = String.join("/", g.parentPath());
      if (!g.parentPath().isEmpty() && !groupsByPath.containsKey(parent)) {
        throw new IllegalArgumentException(
            "group '" + g.path() + "' sits in group '" + parent + "', which is not declared before it");
      }
      String clash = sectionNames.putIfAbsent(sectionKey(parent, g.name()), g.path());
      if (clash != null) {
        throw new IllegalArgumentException(
            "group '" + g.path() + "' repeats the name of '" + clash + "' in " + section(parent)
                + " (names must differ ignoring case)");
      }
      groupsByPath.put(g.path(), g);
    }

    Map<String, ChoiceList> lists = new LinkedHashMap<>();
    for (ChoiceList l : choiceLists) {
      if (lists.putIfAbsent(l.name(), l) != null) {
        throw new IllegalArgumentException("choice list '" + l.name() + "' appears twice");
      }
    }

    Map<String, Question> byPath = new LinkedHashMap<>();
    Map<String, List<Question>> byName = new HashMap<>();
    for (Question q : qs) {
      String parent = String.join("/", q.groupPath());
      if (!q.groupPath().isEmpty() && !groupsByPath.containsKey(parent)) {
        throw new IllegalArgumentException(
            "question '" + q.path() + "' sits in group '" + parent + "', which is not declared");
      }
      String expectedRepeat = innermostRepeat(q.groupPath(), groupsByPath);
      if (!Objects.equals(expectedRepeat, q.repeat())) {
        throw new IllegalArgumentException(
            "question '" + q.path() + "' names repeat '" + q.repeat() + "' but its innermost repeat is '"
                + expectedRepeat + "'");
      }
      String clash = sectionNames.putIfAbsent(sectionKey(parent, q.name()), q.path());
      if (clash != null) {
        throw new IllegalArgumentException(
            "question '" + q.path() + "' repeats the name of '" + clash + "' in " + section(parent)
                + " (names must differ ignoring case)");
      }
      byPath.put(q.path(), q);
      byName.computeIfAbsent(q.name(), k -> new ArrayList<>()).add(q);
      if (q.type().needsChoiceList() && !lists.containsKey(Objects.requireNonNull(q.listName()))) {
        throw new IllegalArgumentException(
            "question '" + q.path() + "' (" + q.declaration().toXlsForm() + ") names choice list '"
                + q.listName() + "', which the form lacks; "
                + NearestNames.suggest(q.listName(), lists.keySet(), 3));
      }
    }
    Map<String, List<Question>> byNameFrozen = new HashMap<>();
    byName.forEach((k, v) -> byNameFrozen.put(k, List.copyOf(v)));
    return new Questionnaire(
        id,
        title == null || title.isBlank() ? id : title,
        Group.blankToNull(version),
        Group.blankToNull(defaultLanguage),
        qs,
        gs,
        Collections.unmodifiableMap(lists),
        Collections.unmodifiableMap(byPath),
        Map.copyOf(byNameFrozen),
        Collections.unmodifiableMap(groupsByPath));
  }

  private static String sectionKey(String parent, String name) {
    return parent + "\u0000" + name.toLowerCase(Locale.ROOT);
  }

  private static String section(String parent) {
    return parent.isEmpty() ? "the top level of the form" : "group '" + parent + "'";
  }

  private static @Nullable String innermostRepeat(List<String> path, Map<String, Group> groups) {
    String repeat = null;
    for (int i = 1; i <= path.size(); i++) {
      Group g = groups.get(String.join("/", path.subList(0, i)));
      if (g != null && g.repeat()) {
        repeat = g.name();
      }
    }
    return repeat;
  }

  /**
   * Starts a questionnaire to be filled row by row.
   *
   * @param id the form id
   * @return a builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The form id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The title (the id when the form gives none).
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The version.
   *
   * @return the version, or null
   */
  public @Nullable String version() {
    return version;
  }

  /**
   * The default language key.
   *
   * @return the key, or null
   */
  public @Nullable String defaultLanguage() {
    return defaultLanguage;
  }

  /**
   * The questions in form order.
   *
   * @return an immutable list
   */
  public List<Question> questions() {
    return questions;
  }

  /**
   * The groups and repeats in form order.
   *
   * @return an immutable list
   */
  public List<Group> groups() {
    return groups;
  }

  /**
   * The choice lists in form order.
   *
   * @return an immutable list
   */
  public List<ChoiceList> choiceLists() {
    return List.copyOf(choiceLists.values());
  }

  /**
   * The language keys used by any label of the form, in order of first use.
   *
   * @return an immutable list
   */
  public List<String> languages() {
    Set<String> langs = new LinkedHashSet<>();
    for (Group g : groups) {
      langs.addAll(g.label().languages());
    }
    for (Question q : questions) {
      langs.addAll(q.label().languages());
      langs.addAll(q.hint().languages());
    }
    for (ChoiceList l : choiceLists.values()) {
      for (Choice c : l.choices()) {
        langs.addAll(c.label().languages());
      }
    }
    return List.copyOf(langs);
  }

  /**
   * A question by path ({@code profile/age}) or by name when the name is unique in the form.
   *
   * @param nameOrPath the name or path
   * @return the question, or empty when none has that name or path
   * @throws IllegalArgumentException naming the paths when several questions share the name
   */
  public Optional<Question> find(String nameOrPath) {
    Objects.requireNonNull(nameOrPath, "question name");
    Question q = byPath.get(nameOrPath);
    if (q != null) {
      return Optional.of(q);
    }
    List<Question> named = byName.getOrDefault(nameOrPath, List.of());
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "question name '" + nameOrPath + "' is ambiguous; use a path: "
              + String.join(", ", named.stream().map(Question::path).toList()));
    }
    return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
  }

  /**
   * Whether a question has this name or path.
   *
   * @param nameOrPath the name or path
   * @return true when {@link #find(String)} finds one
   */
  public boolean contains(String nameOrPath) {
    return byPath.containsKey(nameOrPath) || byName.containsKey(nameOrPath);
  }

  /**
   * A question by path ({@code profile/age}) or by name when the name is unique in the form.
   *
   * @param nameOrPath the name or path
   * @return the question
   * @throws IllegalArgumentException naming the value and the nearest names when unknown, or the
   *     paths when the name is ambiguous
   */
  public Question question(String nameOrPath) {
    return find(nameOrPath)
        .orElseThrow(
            () -> {
              Set<String> candidates = new LinkedHashSet<>();
              for (Question q : questions) {
                candidates.add(nameOrPath.contains("/") ? q.path() : q.name());
              }
              return new IllegalArgumentException(
                  "no question '" + nameOrPath + "' in form '" + id + "'; "
                      + NearestNames.suggest(nameOrPath, candidates, 3));
            });
  }

  /**
   * The choice list of a {@code select_one} question.
   *
   * @param nameOrPath the question's name or path
   * @return its choice list
   * @throws IllegalArgumentException naming the question when unknown or not a {@code select_one}
   */
  public ChoiceList selectOne(String nameOrPath) {
    return listOf(nameOrPath, QuestionType.SELECT_ONE);
  }

  /**
   * The choice list of a {@code select_multiple} question.
   *
   * @param nameOrPath the question's name or path
   * @return its choice list
   * @throws IllegalArgumentException naming the question when unknown or not a
   *     {@code select_multiple}
   */
  public ChoiceList selectMultiple(String nameOrPath) {
    return listOf(nameOrPath, QuestionType.SELECT_MULTIPLE);
  }

  private ChoiceList listOf(String nameOrPath, QuestionType type) {
    Question q = question(nameOrPath);
    if (q.type() != type) {
      throw new IllegalArgumentException(
          "question '" + q.path() + "' is " + q.declaration().toXlsForm() + ", not " + type.xlsForm());
    }
    return choiceList(Objects.requireNonNull(q.listName()));
  }

  /**
   * A choice list by name.
   *
   * @param listName the list name
   * @return the list
   * @throws IllegalArgumentException naming the value and the nearest list names when unknown
   */
  public ChoiceList choiceList(String listName) {
    ChoiceList l = choiceLists.get(listName);
    if (l == null) {
      throw new IllegalArgumentException(
          "no choice list '" + listName + "' in form '" + id + "'; "
              + NearestNames.suggest(listName, choiceLists.keySet(), 3));
    }
    return l;
  }

  /**
   * A group or repeat by path ({@code household/members}).
   *
   * @param path the group's path
   * @return the group, or empty
   */
  public Optional<Group> group(String path) {
    return Optional.ofNullable(groupsByPath.get(path));
  }

  /**
   * The {@code relevant} expressions that decide whether a question is asked: those of its
   * enclosing groups, outermost first, then its own. The question is asked when all hold.
   *
   * @param question a question of this form
   * @return the expressions, empty when always asked
   */
  public List<String> relevance(Question question) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= question.groupPath().size(); i++) {
      Group g = groupsByPath.get(String.join("/", question.groupPath().subList(0, i)));
      if (g != null && g.relevant() != null) {
        out.add(g.relevant());
      }
    }
    if (question.relevant() != null) {
      out.add(question.relevant());
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Questionnaire q
        && q.id.equals(id)
        && q.title.equals(title)
        && Objects.equals(q.version, version)
        && Objects.equals(q.defaultLanguage, defaultLanguage)
        && q.questions.equals(questions)
        && q.groups.equals(groups)
        && q.choiceLists.equals(choiceLists);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, version, questions, groups);
  }

  @Override
  public String toString() {
    return "Questionnaire[" + id + ", " + questions.size() + " questions, " + choiceLists.size()
        + " choice lists]";
  }

  /**
   * Builds a {@link Questionnaire} in the order of the {@code survey} sheet: questions added
   * between {@link #beginGroup} and {@link #endGroup} (or {@link #beginRepeat} and
   * {@link #endRepeat}) are placed in that group.
   */
  public static final class Builder {
    private final String id;
    private @Nullable String title;
    private @Nullable String version;
    private @Nullable String defaultLanguage;
    private final List<Question> questions = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<ChoiceList> lists = new ArrayList<>();
    private final Deque<Group> open = new ArrayDeque<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "form id");
    }

    /**
     * Sets the title.
     *
     * @param title the title, or null for the id
     * @return this builder
     */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version, or null
     * @return this builder
     */
    public Builder version(@Nullable String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the default language.
     *
     * @param language the language key, or null
     * @return this builder
     */
    public Builder defaultLanguage(@Nullable String language) {
      this.defaultLanguage = language;
      return this;
    }

    /**
     * Opens a group inside the groups open now.
     *
     * @param name the group's name
     * @param label its label
     * @param relevant its {@code relevant} expression, or null
     * @return this builder
     * @throws IllegalArgumentException when the name is not a valid XLSForm name
     */
    public Builder beginGroup(String name, Label label, @Nullable String relevant) {
      return begin(name, false, label, relevant);
    }

    /**
     * Opens a repeat inside the groups open now.
     *
     * @param name the repeat's name
     * @param label its label
     * @param relevant its {@code relevant} expression, or null
     * @return this builder
     * @throws IllegalArgumentException when the name is not a valid XLSForm name
     */
    public Builder beginRepeat(String name, Label label, @Nullable String relevant) {
      return begin(name, true, label, relevant);
    }

    private Builder begin(String name, boolean repeat, Label label, @Nullable String relevant) {
      Group g = new Group(name, repeat, label, relevant, currentPath());
      groups.add(g);
      open.push(g);
      return this;
    }

    /**
     * Closes the innermost open group.
     *
     * @return this builder
     * @throws IllegalArgumentException when no group is open or the innermost is a repeat
     */
    public Builder endGroup() {
      return end(false);
    }

    /**
     * Closes the innermost open repeat.
     *
     * @return this builder
     * @throws IllegalArgumentException when no repeat is open or the innermost is a group
     */
    public Builder endRepeat() {
      return end(true);
    }

    private Builder end(boolean repeat) {
      String what = repeat ? "end_repeat" : "end_group";
      Group g = open.peek();
      if (g == null) {
        throw new IllegalArgumentException(what + " with no " + (repeat ? "repeat" : "group") + " open");
      }
      if (g.repeat() != repeat) {
        throw new IllegalArgumentException(
            what + " closes " + (g.repeat() ? "repeat" : "group") + " '" + g.path() + "'");
      }
      open.pop();
      return this;
    }

    /**
     * Adds a question in the groups open now.
     *
     * @param question a question with no group path, or with the path of the open groups
     * @return this builder
     * @throws IllegalArgumentException naming the question when it carries another group path
     */
    public Builder add(Question question) {
      List<String> path = currentPath();
      if (!question.groupPath().isEmpty() && !question.groupPath().equals(path)) {
        throw new IllegalArgumentException(
            "question '" + question.path() + "' added while groups " + path + " are open");
      }
      String repeat = null;
      for (Group g : open) {
        if (g.repeat()) {
          repeat = g.name();
          break;
        }
      }
      questions.add(question.placedIn(path, repeat));
      return this;
    }

    /**
     * Builds and adds a question in the groups open now.
     *
     * @param question the question's builder
     * @return this builder
     */
    public Builder add(Question.Builder question) {
      return add(question.build());
    }

    /**
     * Adds a choice list.
     *
     * @param list the list
     * @return this builder
     */
    public Builder choices(ChoiceList list) {
      lists.add(Objects.requireNonNull(list, "choice list"));
      return this;
    }

    private List<String> currentPath() {
      List<String> path = new ArrayList<>();
      open.descendingIterator().forEachRemaining(g -> path.add(g.name()));
      return path;
    }

    /**
     * Builds the questionnaire.
     *
     * @return the questionnaire
     * @throws IllegalArgumentException when a group is still open, or as {@link Questionnaire#of}
     */
    public Questionnaire build() {
      if (!open.isEmpty()) {
        Group g = Objects.requireNonNull(open.peek());
        throw new IllegalArgumentException(
            (g.repeat() ? "repeat" : "group") + " '" + g.path() + "' is never closed");
      }
      return Questionnaire.of(id, title, version, defaultLanguage, questions, groups, lists);
    }
  }
}
