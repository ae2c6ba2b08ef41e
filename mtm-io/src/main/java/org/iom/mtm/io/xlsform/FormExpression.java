package org.iom.mtm.io.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * An XLSForm expression ({@code relevant}, {@code constraint}) of the subset mtm evaluates:
 * references {@code ${q}} and {@code .}, string and number literals, comparisons ({@code = != <
 * <= > >=}), arithmetic ({@code + - * div mod}), {@code and}, {@code or}, parentheses and the
 * functions {@code selected}, {@code count-selected}, {@code not}, {@code true}, {@code false},
 * {@code if}, {@code regex}, {@code string-length}, {@code contains}, {@code starts-with},
 * {@code concat}, {@code coalesce}, {@code number}, {@code string} and {@code int}. Values follow
 * XPath 1.0: an unanswered reference is the empty string, comparing with a number compares as
 * numbers, the empty string is false.
 *
 * <p>Anything else (dates such as {@code today()}, {@code jr:choice-name}, repeats, {@code
 * position()}) is refused by {@link #parse} with an {@link ExpressionException} that says it is
 * outside the subset, so that callers report it and leave the cells it governs "missing" rather
 * than guess.
 */
public final class FormExpression {
  private final String text;
  private final Node root;
  private final Set<String> references;

  private FormExpression(String text, Node root, Set<String> references) {
    this.text = text;
    this.root = root;
    this.references = references;
  }

  /** An expression that cannot be evaluated: malformed, or outside the supported subset. */
  public static final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final boolean unsupported;

    ExpressionException(String message, boolean unsupported) {
      super(message);
      this.unsupported = unsupported;
    }

    /**
     * Whether the expression is well formed but uses what mtm does not evaluate.
     *
     * @return true outside the subset, false when malformed
     */
    public boolean unsupported() {
      return unsupported;
    }
  }

  /**
   * Parses an expression.
   *
   * @param text the expression as the form writes it
   * @return the expression
   * @throws ExpressionException naming the expression and the position when it is malformed or
   *     outside the subset
   */
  public static FormExpression parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses a {@code choice_filter}: besides {@code ${name}} references to answers, a bare name
   * ({@code region}, {@code name}) is a column of the choice being tested, as XLSForm has it.
   *
   * @param text the filter as the form writes it
   * @return the expression; test it with {@link #testChoice}
   * @throws ExpressionException naming the expression and the position when it is malformed or
   *     outside the subset
   */
  public static FormExpression parseChoiceFilter(String text) {
    return parse(text, true);
  }

  private static FormExpression parse(String text, boolean choiceColumns) {
    Objects.requireNonNull(text, "expression");
    Parser p = new Parser(text);
    p.choiceColumns = choiceColumns;
    Node n = p.parseExpression();
    if (p.peek().kind != Kind.END) {
      throw p.error("unexpected '" + p.peek().text + "'");
    }
    return new FormExpression(text, n, Set.copyOf(p.refs));
  }

  /**
   * The expression as written.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The question names referenced as {@code ${name}}.
   *
   * @return an immutable set
   */
  public Set<String> references() {
    return references;
  }

  /**
   * Evaluates to a truth value, as XLSForm does for {@code relevant} and {@code constraint}.
   *
   * @param values the raw answer of each referenced question by name (the space-separated codes of
   *     a select_multiple); null or empty when unanswered
   * @param current the value of {@code .}, or null when there is none
   * @return the boolean value
   * @throws ExpressionException when a regular expression in the form is malformed
   */
  public boolean test(Function<String, @Nullable String> values, @Nullable String current) {
    return bool(root.eval(new Env(values, current == null ? "" : current, c -> null)));
  }

  /**
   * Evaluates a {@code choice_filter} for one choice: whether the form offers it given the answers.
   *
   * @param values the raw answer of each referenced question by name, as for {@link #test}
   * @param choiceColumns the choice's columns by name ({@code name} and the extra columns of its
   *     {@code choices} row); null for a column the choice lacks
   * @return the boolean value
   * @throws ExpressionException when a regular expression in the form is malformed
   */
  public boolean testChoice(
      Function<String, @Nullable String> values, Function<String, @Nullable String> choiceColumns) {
    return bool(root.eval(new Env(values, "", choiceColumns)));
  }

  @Override
  public String toString() {
    return text;
  }

  // ------------------------------------------------------------------ values

  private record Env(
      Function<String, @Nullable String> values, String current,
      Function<String, @Nullable String> choiceColumns) {}

  private static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    return !((String) v).isEmpty();
  }

  private static double num(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    String s = ((String) v).strip();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-') {
        return Double.NaN; // XPath numbers have no exponent, no sign but '-', no "NaN" text
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * An answered cell as expressions see it, the way a KoBo export writes it: a number without a
   * trailing {@code .0} when whole, a select_one's choice name, a select_multiple's chosen names
   * separated by spaces, a text as it is.
   *
   * @param column the column
   * @param row an answered row
   * @return the answer's text
   * @throws IllegalStateException when the cell is not answered
   */
  public static String answer(org.iom.mtm.core.data.Column column, int row) {
    if (column instanceof org.iom.mtm.core.data.NumericColumn n) {
      return str(n.value(row));
    }
    if (column instanceof org.iom.mtm.core.data.CategoricalColumn c) {
      return c.level(row);
    }
    if (column instanceof org.iom.mtm.core.data.TextColumn t) {
      return t.text(row);
    }
    org.iom.mtm.core.data.MultiSelectColumn m = (org.iom.mtm.core.data.MultiSelectColumn) column;
    if (!m.isAnswered(row)) {
      throw new IllegalStateException(
          "column '" + m.name() + "' row " + row + " holds no value: its state is " + m.state(row));
    }
    StringBuilder sb = new StringBuilder();
    for (int o = 0; o < m.options().size(); o++) {
      if (m.selected(row, o)) {
        sb.append(sb.length() == 0 ? "" : " ").append(m.options().get(o));
      }
    }
    return sb.toString();
  }

  private static String str(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    double d = (Double) v;
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  private static boolean compare(String op, Object a, Object b) {
    if (op.equals("=") || op.equals("!=")) {
      boolean eq;
      if (a instanceof Boolean || b instanceof Boolean) {
        eq = bool(a) == bool(b);
      } else if (a instanceof Double || b instanceof Double) {
        eq = num(a) == num(b);
      } else {
        eq = a.equals(b);
      }
      return op.equals("=") == eq;
    }
    double x = num(a);
    double y = num(b);
    return switch (op) {
      case "<" -> x < y;
      case "<=" -> x <= y;
      case ">" -> x > y;
      default -> x >= y;
    };
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.strip().split("\\s+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ tree

  private interface Node {
    Object eval(Env env);
  }

  private record Literal(Object value) implements Node {
    @Override
    public Object eval(Env env) {
      return value;
    }
  }

  private record Ref(String name) implements Node {
    @Override
    public Object eval(Env env) {
      String v = env.values().apply(name);
      return v == null ? "" : v;
    }
  }

  /** A bare name in a choice filter: a column of the choice being tested. */
  private record ChoiceColumn(String name) implements Node {
    @Override
    public Object eval(Env env) {
      String v = env.choiceColumns().apply(name);
      return v == null ? "" : v;
    }
  }

  private record Current() implements Node {
    @Override
    public Object eval(Env env) {
      return env.current();
    }
  }

  private record Binary(String op, Node left, Node right) implements Node {
    @Override
    public Object eval(Env env) {
      switch (op) {
        case "or":
          return bool(left.eval(env)) || bool(right.eval(env));
        case "and":
          return bool(left.eval(env)) && bool(right.eval(env));
        case "+":
          return num(left.eval(env)) + num(right.eval(env));
        case "-":
          return num(left.eval(env)) - num(right.eval(env));
        case "*":
          return num(left.eval(env)) * num(right.eval(env));
        case "div":
          return num(left.eval(env)) / num(right.eval(env));
        case "mod":
          return num(left.eval(env)) % num(right.eval(env));
        default:
          return compare(op, left.eval(env), right.eval(env));
      }
    }
  }

  private record Negate(Node operand) implements Node {
    @Override
    public Object eval(Env env) {
      return -num(operand.eval(env));
    }
  }

  private record Call(String name, List<Node> args, @Nullable Pattern pattern) implements Node {
    @Override
    public Object eval(Env env) {
      switch (name) {
        case "selected":
          return tokens(str(args.get(0).eval(env))).contains(str(args.get(1).eval(env)).strip());
        case "count-selected":
          return (double) tokens(str(args.get(0).eval(env))).size();
        case "not":
          return !bool(args.get(0).eval(env));
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        case "if":
          return bool(args.get(0).eval(env)) ? args.get(1).eval(env) : args.get(2).eval(env);
        case "regex": {
          Pattern p = pattern != null ? pattern : compile(str(args.get(1).eval(env)));
          return p.matcher(str(args.get(0).eval(env))).find();
        }
        case "string-length":
          return (double) str(args.get(0).eval(env)).codePointCount(0, str(args.get(0).eval(env)).length());
        case "contains":
          return str(args.get(0).eval(env)).contains(str(args.get(1).eval(env)));
        case "starts-with":
          return str(args.get(0).eval(env)).startsWith(str(args.get(1).eval(env)));
        case "concat": {
          StringBuilder sb = new StringBuilder();
          for (Node a : args) {
            sb.append(str(a.eval(env)));
          }
          return sb.toString();
        }
        case "coalesce": {
          String a = str(args.get(0).eval(env));
          return a.isEmpty() ? str(args.get(1).eval(env)) : a;
        }
        case "number":
          return num(args.get(0).eval(env));
        case "string":
          return str(args.get(0).eval(env));
        case "int": {
          double d = num(args.get(0).eval(env));
          return d < 0 ? Math.ceil(d) : Math.floor(d);
        }
        default:
          throw new IllegalStateException("function '" + name + "' passed the parser unhandled");
      }
    }
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ExpressionException("malformed regular expression '" + regex + "': " + e.getDescription(), false);
    }
  }

  /** Functions and their arity (minimum, maximum). */
  private static int[] arity(String name) {
    return switch (name) {
      case "selected", "contains", "starts-with", "regex", "coalesce" -> new int[] {2, 2};
      case "count-selected", "not", "string-length", "number", "string", "int" -> new int[] {1, 1};
      case "true", "false" -> new int[] {0, 0};
      case "if" -> new int[] {3, 3};
      case "concat" -> new int[] {1, Integer.MAX_VALUE};
      default -> new int[0];
    };
  }

  // ------------------------------------------------------------------ parser

  private enum Kind {
    NUMBER,
    STRING,
    REF,
    NAME,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    END
  }

  private record Token(Kind kind, String text, int at) {}

  private static final class Parser {
    private static final int MAX_DEPTH = 100;
    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Set<String> refs = new LinkedHashSet<>();
    private int i;
    private int depth;
    /** Whether a bare name is a column of the choice (a choice_filter), not an error. */
    boolean choiceColumns;

    Parser(String src) {
      this.src = src;
      lex();
    }

    ExpressionException error(String what) {
      int at = i < tokens.size() ? tokens.get(i).at : src.length();
      return new ExpressionException("expression '" + src + "' at character " + (at + 1) + ": " + what, false);
    }

    ExpressionException unsupported(String what) {
      return new ExpressionException("expression '" + src + "' uses " + what + ", outside the subset mtm evaluates", true);
    }

    private void lex() {
      int p = 0;
      int n = src.length();
      while (p < n) {
        char c = src.charAt(p);
        if (Character.isWhitespace(c)) {
          p++;
        } else if (c == '$' && p + 1 < n && src.charAt(p + 1) == '{') {
          int end = src.indexOf('}', p + 2);
          if (end < 0) {
            throw new ExpressionException("expression '" + src + "': '${' at character " + (p + 1) + " is never closed", false);
          }
          String name = src.substring(p + 2, end).strip();
          if (name.isEmpty()) {
            throw new ExpressionException("expression '" + src + "': empty reference '${}'", false);
          }
          tokens.add(new Token(Kind.REF, name, p));
          refs.add(name);
          p = end + 1;
        } else if (c == '\'' || c == '"' || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D') {
          char close = c == '\u2018' ? '\u2019' : c == '\u201C' ? '\u201D' : c;
          int end = src.indexOf(close, p + 1);
          if (end < 0) {
            throw new ExpressionException("expression '" + src + "': the string at character " + (p + 1) + " is never closed", false);
          }
          tokens.add(new Token(Kind.STRING, src.substring(p + 1, end), p));
          p = end + 1;
        } else if ((c >= '0' && c <= '9') || (c == '.' && p + 1 < n && Character.isDigit(src.charAt(p + 1)))) {
          int s = p;
          while (p < n && (Character.isDigit(src.charAt(p)) || src.charAt(p) == '.')) {
            p++;
          }
          tokens.add(new Token(Kind.NUMBER, src.substring(s, p), s));
        } else if (c == '.') {
          if (p + 1 < n && src.charAt(p + 1) == '.') {
            throw unsupported("'..' (a parent node)");
          }
          tokens.add(new Token(Kind.DOT, ".", p));
          p++;
        } else if (c == '(') {
          tokens.add(new Token(Kind.LPAREN, "(", p++));
        } else if (c == ')') {
          tokens.add(new Token(Kind.RPAREN, ")", p++));
        } else if (c == ',') {
          tokens.add(new Token(Kind.COMMA, ",", p++));
        } else if (c == '!' || c == '<' || c == '>') {
          if (p + 1 < n && src.charAt(p + 1) == '=') {
            tokens.add(new Token(Kind.OP, c + "=", p));
            p += 2;
          } else if (c == '!') {
            throw new ExpressionException("expression '" + src + "': '!' at character " + (p + 1) + " without '='", false);
          } else {
            tokens.add(new Token(Kind.OP, String.valueOf(c), p++));
          }
        } else if (c == '=' || c == '+' || c == '-' || c == '*') {
          tokens.add(new Token(Kind.OP, String.valueOf(c), p++));
        } else if (Character.isLetter(c) || c == '_') {
          int s = p;
          while (p < n) {
            char d = src.charAt(p);
            if (Character.isLetterOrDigit(d) || d == '_' || d == ':' || (d == '-' && p + 1 < n && Character.isLetter(src.charAt(p + 1)))) {
              p++;
            } else {
              break;
            }
          }
          tokens.add(new Token(Kind.NAME, src.substring(s, p), s));
        } else if (c == '/' || c == '[' || c == '@' || c == '|') {
          throw unsupported("'" + c + "' (XPath paths, predicates or unions)");
        } else {
          throw new ExpressionException("expression '" + src + "': unexpected '" + c + "' at character " + (p + 1), false);
        }
      }
      tokens.add(new Token(Kind.END, "end of expression", n));
    }

    Token peek() {
      return tokens.get(i);
    }

    private boolean isWord(String w) {
      Token t = peek();
      return t.kind == Kind.NAME && t.text.equals(w);
    }

    private boolean isOp(String... ops) {
      Token t = peek();
      if (t.kind != Kind.OP) {
        return false;
      }
      for (String o : ops) {
        if (t.text.equals(o)) {
          return true;
        }
      }
      return false;
    }

    Node parseExpression() {
      if (++depth > MAX_DEPTH) {
        throw error("nested more than " + MAX_DEPTH + " deep");
      }
      Node n = or();
      depth--;
      return n;
    }

    private Node or() {
      Node n = and();
      while (isWord("or")) {
        i++;
        n = new Binary("or", n, and());
      }
      return n;
    }

    private Node and() {
      Node n = equality();
      while (isWord("and")) {
        i++;
        n = new Binary("and", n, equality());
      }
      return n;
    }

    private Node equality() {
      Node n = relational();
      while (isOp("=", "!=")) {
        String op = tokens.get(i++).text;
        n = new Binary(op, n, relational());
      }
      return n;
    }

    private Node relational() {
      Node n = additive();
      while (isOp("<", "<=", ">", ">=")) {
        String op = tokens.get(i++).text;
        n = new Binary(op, n, additive());
      }
      return n;
    }

    private Node additive() {
      Node n = multiplicative();
      while (isOp("+", "-")) {
        String op = tokens.get(i++).text;
        n = new Binary(op, n, multiplicative());
      }
      return n;
    }

    private Node multiplicative() {
      Node n = unary();
      while (isOp("*") || isWord("div") || isWord("mod")) {
        String op = tokens.get(i++).text;
        n = new Binary(op, n, unary());
      }
      return n;
    }

    private Node unary() {
      if (isOp("-")) {
        i++;
        if (++depth > MAX_DEPTH) {
          throw error("nested more than " + MAX_DEPTH + " deep");
        }
        Node n = new Negate(unary());
        depth--;
        return n;
      }
      return primary();
    }

    private Node primary() {
      Token t = peek();
      switch (t.kind) {
        case NUMBER:
          i++;
          try {
            return new Literal(Double.parseDouble(t.text));
          } catch (NumberFormatException e) {
            throw error("malformed number '" + t.text + "'");
          }
        case STRING:
          i++;
          return new Literal(t.text);
        case REF:
          i++;
          return new Ref(t.text);
        case DOT:
          i++;
          return new Current();
        case LPAREN: {
          i++;
          Node n = parseExpression();
          expect(Kind.RPAREN, "')'");
          return n;
        }
        case NAME:
          return call();
        default:
          throw error("expected a value, found '" + t.text + "'");
      }
    }

    private Node call() {
      Token name = tokens.get(i++);
      if (peek().kind != Kind.LPAREN && choiceColumns) {
        return new ChoiceColumn(name.text);
      }
      if (peek().kind != Kind.LPAREN) {
        throw unsupported("the name '" + name.text + "' (XPath paths or variables)");
      }
      String fn = name.text.toLowerCase(Locale.ROOT);
      int[] ar = arity(fn);
      if (ar.length == 0) {
        throw unsupported("the function '" + name.text + "()'");
      }
      i++;
      List<Node> args = new ArrayList<>();
      if (peek().kind != Kind.RPAREN) {
        args.add(parseExpression());
        while (peek().kind == Kind.COMMA) {
          i++;
          args.add(parseExpression());
        }
      }
      expect(Kind.RPAREN, "')' after the arguments of " + name.text);
      if (args.size() < ar[0] || args.size() > ar[1]) {
        throw error(name.text + "() takes " + (ar[0] == ar[1] ? String.valueOf(ar[0]) : "at least " + ar[0])
            + " argument(s), got " + args.size());
      }
      Pattern p = null;
      if (fn.equals("regex") && args.get(1) instanceof Literal l && l.value() instanceof String s) {
        p = compile(s);
      }
      return new Call(fn, List.copyOf(args), p);
    }

    private void expect(Kind k, String what) {
      if (peek().kind != k) {
        throw error("expected " + what + ", found '" + peek().text + "'");
      }
      i++;
    }
  }
}
