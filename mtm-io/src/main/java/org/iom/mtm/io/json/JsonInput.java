package org.iom.mtm.io.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON documents (KoBo API and asset JSON, DTM API envelopes, result tables) into trees under
 * fixed limits, so that a hostile or broken file fails with a {@link ReadException} naming its
 * line and column instead of exhausting the stack or the heap.
 *
 * <p>The limits: nesting depth {@value #MAX_NESTING_DEPTH}, strings of {@value #MAX_STRING_LENGTH}
 * characters, names of {@value #MAX_NAME_LENGTH}, numbers of {@value #MAX_NUMBER_LENGTH} digits,
 * {@value #MAX_TOKEN_COUNT} tokens and {@value #MAX_DOCUMENT_LENGTH} bytes. A KoBo API page of
 * 30,000 submissions is about 100 MB, well inside them. The mapper is built without default
 * typing, so no JSON can name a Java class to instantiate.
 */
public final class JsonInput {
  /** Deepest nesting of arrays and objects; KoBo repeats inside groups need fewer than 20. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Longest string value, in characters (1 MiB: labels, free text, long URLs). */
  public static final int MAX_STRING_LENGTH = 1 << 20;
  /** Longest property name, in characters. */
  public static final int MAX_NAME_LENGTH = 4096;
  /** Longest number literal, in characters: far beyond any double, short of a parse bomb. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** Most tokens in one document. */
  public static final long MAX_TOKEN_COUNT = 100_000_000L;
  /** Largest document, in bytes or characters (1 GiB). */
  public static final long MAX_DOCUMENT_LENGTH = 1L << 30;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxTokenCount(MAX_TOKEN_COUNT)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .build())
          .build();

  /**
   * The mapper, built on first use: building it loads hundreds of classes (a good part of a
   * second of a short command's start), which reading a whole file into a tree does not need.
   */
  private static final class Mapper {
    static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** Reads one value where a parser stands, leaving the rest of the stream to the caller. */
    static final tools.jackson.databind.ObjectReader SUBTREE =
        MAPPER.readerFor(JsonNode.class).without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static final tools.jackson.databind.node.JsonNodeFactory NODES =
      tools.jackson.databind.node.JsonNodeFactory.instance;

  private JsonInput() {}

  /**
   * Reads the value at the parser's current token (an object inside an array, say) and leaves the
   * parser after it, for readers that stream a long array.
   *
   * @param p a parser of {@link #mapper()}, on the value's first token
   * @return the value
   * @throws JacksonException when the value is malformed or over a limit
   */
  public static JsonNode readValue(JsonParser p) {
    return Mapper.SUBTREE.readValue(p);
  }

  /**
   * The configured mapper, for writers and for readers that stream.
   *
   * @return the shared, immutable mapper
   */
  public static JsonMapper mapper() {
    return Mapper.MAPPER;
  }

  /**
   * Reads a file (gzip by magic bytes) into a tree.
   *
   * @param file the file
   * @return the root node
   * @throws ReadException with file, line and column when the file is missing, malformed or over a
   *     limit
   */
  public static JsonNode read(Path file) {
    try (InputStream in = RawInput.open(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()), e);
    }
  }

  /**
   * Reads a stream into a tree.
   *
   * @param in the bytes (UTF-8, UTF-16 or UTF-32 as JSON allows; gzip by magic bytes)
   * @param name the name used in messages
   * @return the root node
   * @throws ReadException with name, line and column when malformed or over a limit
   */
  public static JsonNode read(InputStream in, String name) {
    JsonParser p;
    try {
      p = FACTORY.createParser(ObjectReadContext.empty(), RawInput.of(in, name));
    } catch (JacksonException e) {
      throw problem(name, e);
    }
    return readWhole(p, name);
  }

  /**
   * Reads characters into a tree.
   *
   * @param in the characters
   * @param name the name used in messages
   * @return the root node
   * @throws ReadException with name, line and column when malformed or over a limit
   */
  public static JsonNode read(Reader in, String name) {
    JsonParser p;
    try {
      p = FACTORY.createParser(ObjectReadContext.empty(), in);
    } catch (JacksonException e) {
      throw problem(name, e);
    }
    return readWhole(p, name);
  }

  private static JsonNode readWhole(JsonParser p, String name) {
    try (p) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ReadException(ReadProblem.ofFile(name, "the file is empty: no JSON value"));
      }
      JsonNode n = tree(p, first);
      if (p.nextToken() != null) {
        throw new ReadException(new ReadProblem(name, p.currentTokenLocation().getLineNr(),
            p.currentTokenLocation().getColumnNr(), null, null, "text after the JSON value"));
      }
      return n;
    } catch (JacksonException e) {
      throw problem(name, e, p);
    }
  }

  /**
   * The value starting at the current token, built from the parser's tokens as the mapper's tree
   * reader builds it (integers as int, long or BigInteger by size, other numbers as double, the
   * last of repeated names kept), without the mapper.
   */
  private static JsonNode tree(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT: {
        tools.jackson.databind.node.ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.PROPERTY_NAME; k = p.nextToken()) {
          String key = p.currentName();
          o.set(key, tree(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        tools.jackson.databind.node.ArrayNode a = NODES.arrayNode();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          a.add(tree(p, v));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected JSON token " + t + " at the start of a value");
    }
  }

  /**
   * Turns a Jackson error into our exception, keeping its location and the gist of its message.
   *
   * @param name the input's name
   * @param e the error
   * @return the exception to throw
   */
  public static ReadException problem(String name, JacksonException e) {
    return problem(name, e, e.processor() instanceof JsonParser p ? p : null);
  }

  /**
   * Turns a Jackson error into our exception, taking the location from the parser when the error
   * has none (limit violations).
   *
   * @param name the input's name
   * @param e the error
   * @param parser the parser that failed, or null
   * @return the exception to throw
   */
  public static ReadException problem(String name, JacksonException e, @org.jspecify.annotations.Nullable JsonParser parser) {
    TokenStreamLocation loc = e.getLocation();
    if ((loc == null || loc.getLineNr() < 1) && parser != null) {
      loc = parser.currentLocation();
    }
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    int column = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
    String msg = e.getOriginalMessage();
    if (msg == null) {
      msg = e.getClass().getSimpleName();
    }
    // Jackson's messages go on with hints about features to enable; the first sentence suffices.
    int cut = msg.indexOf('\n');
    if (cut > 0) {
      msg = msg.substring(0, cut);
    }
    String reason = (e instanceof StreamConstraintsException ? "over a read limit: " : "malformed JSON: ") + msg;
    return new ReadException(new ReadProblem(name, line, column, null, null, reason), e);
  }
}
