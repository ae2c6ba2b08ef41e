package org.iom.mtm.core.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A text in several languages, as XLSForm's {@code label::English (en)} columns hold it, with the
 * text of the plain {@code label} column as the default.
 *
 * <p>Languages are keyed as the form writes them ({@code English (en)}, {@code Russian (ru)}, or a
 * bare {@code English}); {@link #in(String)} also finds a text by the language code in the
 * parentheses or by the name before them.
 *
 * @param texts the text per language key, in the form's column order; no blank key
 * @param defaultText the text of the plain {@code label} column, or null when the form has none
 */
public record Label(Map<String, String> texts, @Nullable String defaultText) {
  private static final Label EMPTY = new Label(Map.of(), null);

  /**
   * Checks and copies the texts.
   *
   * @throws IllegalArgumentException when a language key is blank
   */
  public Label {
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "language");
      if (key.isBlank()) {
        throw new IllegalArgumentException("blank language key '" + key + "' for text '" + e.getValue() + "'");
      }
      copy.put(key, Objects.requireNonNull(e.getValue(), () -> "text in language '" + key + "'"));
    }
    texts = Collections.unmodifiableMap(copy);
  }

  /**
   * No text at all (a question without a label, such as a {@code calculate}).
   *
   * @return the empty label
   */
  public static Label empty() {
    return EMPTY;
  }

  /**
   * A text in no particular language.
   *
   * @param text the text
   * @return the label
   */
  public static Label of(String text) {
    return new Label(Map.of(), Objects.requireNonNull(text, "text"));
  }

  /**
   * Texts per language, without a default.
   *
   * @param texts the text per language key
   * @return the label
   * @throws IllegalArgumentException when a language key is blank
   */
  public static Label of(Map<String, String> texts) {
    return new Label(texts, null);
  }

  /**
   * The text in a language, found by its key ({@code English (en)}), case-insensitive, by the
   * code in its parentheses ({@code en}) or by the name before them ({@code English}).
   *
   * @param language a key, code or name
   * @return the text, or empty when the label has none in that language
   */
  public Optional<String> in(String language) {
    Objects.requireNonNull(language, "language");
    String exact = texts.get(language);
    if (exact != null) {
      return Optional.of(exact);
    }
    String wanted = language.strip().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String key = e.getKey().strip().toLowerCase(Locale.ROOT);
      String code = languageCode(e.getKey()).map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
      if (key.equals(wanted) || wanted.equals(code) || languageName(key).equals(wanted)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The text to show in a language: the text in that language, else the default, else the first
   * language's, else the empty string.
   *
   * @param language a key, code or name, or null for the default
   * @return the text
   */
  public String text(@Nullable String language) {
    if (language != null) {
      Optional<String> t = in(language);
      if (t.isPresent()) {
        return t.get();
      }
    }
    if (defaultText != null) {
      return defaultText;
    }
    return texts.isEmpty() ? "" : texts.values().iterator().next();
  }

  /**
   * The default text, else the first language's, else the empty string.
   *
   * @return the text
   */
  public String text() {
    return text(null);
  }

  /**
   * The language keys, in the form's order.
   *
   * @return the keys
   */
  public List<String> languages() {
    return List.copyOf(texts.keySet());
  }

  /**
   * Whether the label has no text in any language and no default.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return texts.isEmpty() && defaultText == null;
  }

  /**
   * Whether one of the texts, or the default, equals a text, ignoring case and surrounding
   * blanks.
   *
   * @param text the text sought
   * @return true when some language's text matches
   */
  public boolean matches(String text) {
    String wanted = text.strip();
    if (defaultText != null && defaultText.strip().equalsIgnoreCase(wanted)) {
      return true;
    }
    for (String t : texts.values()) {
      if (t.strip().equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The code in the parentheses of an XLSForm language key: {@code en} for {@code English (en)}.
   *
   * @param key a language key
   * @return the code, or empty when the key has no parentheses
   */
  public static Optional<String> languageCode(String key) {
    String k = key.strip();
    int open = k.lastIndexOf('(');
    if (open < 0 || !k.endsWith(")")) {
      return Optional.empty();
    }
    String code = k.substring(open + 1, k.length() - 1).strip();
    return code.isEmpty() ? Optional.empty() : Optional.of(code);
  }

  private static String languageName(String key) {
    int open = key.lastIndexOf('(');
    return (open < 0 ? key : key.substring(0, open)).strip();
  }
}
