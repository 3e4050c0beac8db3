package dev.keel.rules.ci;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document as a small tree whose every node knows where it starts (1-based line and column,
 * and its offset in the text). It is read with Jackson's streaming YAML parser (SnakeYAML
 * underneath), which never expands an alias (an alias is read as its anchor's name), so a "billion
 * laughs" document costs what its text costs; nesting, document size and the number of aliases are
 * limited besides, and a document past a limit is a parse error like broken YAML.
 */
sealed interface Yaml {
  /** Where the node starts. */
  Mark mark();

  /** 1-based line and column, and the character offset in the text. */
  record Mark(int line, int column, long offset) {}

  /** A scalar: its text as YAML gives it (block scalars unfolded), and whether it is an alias. */
  record Scalar(Mark mark, String text, boolean alias) implements Yaml {}

  /** A sequence. */
  record Seq(Mark mark, List<Yaml> items) implements Yaml {}

  /** A mapping in document order; each value's key is kept with its own mark. */
  record Mapping(Mark mark, List<Entry> entries) implements Yaml {
    /** The value of the first entry whose key is {@code key}. */
    Optional<Yaml> get(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }

    /** The entry whose key is {@code key}. */
    Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    Optional<Mapping> map(String key) {
      return get(key).filter(Mapping.class::isInstance).map(Mapping.class::cast);
    }

    Optional<String> text(String key) {
      return get(key).filter(Scalar.class::isInstance).map(v -> ((Scalar) v).text());
    }
  }

  /** One key and its value. */
  record Entry(Scalar key, Yaml value) {}

  /** Why a text is not a YAML document Keel can read, and where. */
  record Broken(String message, int line, int column) {}

  /** Limits on a hostile document (besides the project's file-size limit on its bytes). */
  int MAX_ALIASES = 100;

  int MAX_DEPTH = 100;

  int MAX_CODE_POINTS = 3 * 1024 * 1024;

  /** The factory is thread-safe; parsers are not, each parse makes its own. */
  YAMLFactory FACTORY = factory();

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
  }

  /**
   * The first document of {@code text}: a tree, an empty mapping for an empty text, or why it does
   * not parse.
   */
  static Object parse(String text) {
    if (text.length() > MAX_CODE_POINTS) {
      // SnakeYAML's own code-point limit is not passed on by Jackson's parser: checked here.
      return new Broken(
          "the document is longer than " + MAX_CODE_POINTS + " characters, Keel's limit", 1, 1);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Mapping(new Mark(1, 1, 0), List.of());
      }
      Yaml root = read(p, t, 0);
      return root;
    } catch (IOException | RuntimeException e) {
      return broken(e);
    }
  }

  private static Broken broken(Exception e) {
    int line = 1;
    int column = 1;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      JsonLocation l = j.getLocation();
      if (l != null && l.getLineNr() > 0) {
        line = l.getLineNr();
        column = Math.max(1, l.getColumnNr());
      }
      message = j.getOriginalMessage();
    }
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
      // Where the construct that went wrong starts (an unterminated quote), else where the
      // parser stopped.
      org.yaml.snakeyaml.error.Mark at =
          y.getContextMark() != null ? y.getContextMark() : y.getProblemMark();
      if (at != null) {
        line = at.getLine() + 1;
        column = at.getColumn() + 1;
      }
      message =
          (y.getProblem() == null ? "" : y.getProblem())
              + (y.getContext() == null ? "" : " " + y.getContext());
    }
    // SnakeYAML's messages span lines (a snippet of the document with a caret): keep the first.
    String first = message.strip().lines().findFirst().orElse(message).strip();
    return new Broken(first, line, column);
  }

  private static Mark mark(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Mark(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()), l.getCharOffset());
  }

  private static Yaml read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    Mark at = mark(p);
    switch (t) {
      case START_OBJECT -> {
        List<Entry> entries = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          if (k == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end");
          }
          Scalar key = new Scalar(mark(p), p.currentName(), false);
          Yaml value = read(p, p.nextToken(), depth + 1);
          entries.add(new Entry(key, value));
        }
        return new Mapping(at, entries);
      }
      case START_ARRAY -> {
        List<Yaml> items = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          if (k == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end");
          }
          items.add(read(p, k, depth + 1));
        }
        return new Seq(at, items);
      }
      case VALUE_NULL -> {
        return new Scalar(at, "", false);
      }
      default -> {
        boolean alias = p instanceof YAMLParser y && y.isCurrentAlias();
        String text = p.getText();
        return new Scalar(at, text == null ? "" : text, alias);
      }
    }
  }

  /** A map built for a key lookup when the node is not one (an empty map). */
  static Mapping asMap(Yaml y) {
    return y instanceof Mapping m ? m : new Mapping(y.mark(), List.of());
  }
}
