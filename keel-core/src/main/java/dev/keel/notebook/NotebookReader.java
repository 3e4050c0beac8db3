package dev.keel.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code .ipynb} file with Jackson's streaming parser: nbformat 4 (every minor version;
 * cell ids from 4.5). Older formats (nbformat 3 and before keep cells under {@code worksheets} and
 * call the source {@code input}) are not read: the result says so, and the notebook is left
 * unaudited with a finding rather than read half right. Text is decoded from the JSON strings
 * (escapes, surrogate pairs); binary outputs (images, PDFs) are measured, never read as text.
 */
public final class NotebookReader {
  /** Text kept per output for the rules that read it; the rest is counted in its size only. */
  static final int MAX_TEXT_CHARS = 1 << 20;

  private static final JsonFactory FACTORY =
      new ObjectMapper()
          .getFactory()
          .setStreamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(200)
                  .build());

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

  private NotebookReader() {}

  /** What reading gave: a notebook, or the reason there is none. */
  public sealed interface Result permits Read, Unreadable {}

  public record Read(Notebook notebook) implements Result {}

  /**
   * @param reason one sentence a user can act on
   * @param line the line of the file the reason is about, 0 when none
   */
  public record Unreadable(String reason, int line) implements Result {}

  public static Result read(byte[] bytes) {
    if (isBlank(bytes)) {
      return new Unreadable("the file is empty: a notebook is a JSON object with cells", 0);
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return new NotebookReader.Walk(p).notebook();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return new Unreadable(
          "not valid JSON: " + firstLine(e.getOriginalMessage()),
          at == null ? 0 : Math.max(0, at.getLineNr()));
    } catch (IOException e) {
      // Bytes that are not UTF-8 (or UTF-16/32, which Jackson detects) land here.
      return new Unreadable("cannot be decoded as JSON text: " + firstLine(e.getMessage()), 0);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** One pass over the tokens of one file. */
  private static final class Walk {
    private final JsonParser p;
    private final List<String> problems = new ArrayList<>();

    Walk(JsonParser p) {
      this.p = p;
    }

    Result notebook() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Unreadable("not a notebook: the file is JSON but not an object", line());
      }
      int nbformat = -1;
      int minor = 0;
      String language = "";
      List<Notebook.Cell> cells = null;
      boolean worksheets = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "nbformat" -> nbformat = v.isNumeric() ? p.getIntValue() : -2;
          case "nbformat_minor" -> minor = v.isNumeric() ? p.getIntValue() : 0;
          case "metadata" -> language = language(v);
          case "cells" -> {
            if (v != JsonToken.START_ARRAY) {
              return new Unreadable("not a notebook: \"cells\" is not a list", line());
            }
            cells = cells();
          }
          case "worksheets" -> {
            worksheets = true;
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      }
      if (nbformat >= 0 && nbformat < 4 || nbformat < 0 && worksheets) {
        String which = nbformat >= 0 ? "nbformat " + nbformat : "an nbformat before 4";
        return new Unreadable(
            "the notebook is in "
                + which
                + ", which Keel does not read; convert it with `jupyter nbconvert --to notebook"
                + " --nbformat 4`",
            0);
      }
      if (nbformat == -2) {
        return new Unreadable("not a notebook: \"nbformat\" is not a number", 0);
      }
      if (cells == null) {
        return new Unreadable(
            "not a notebook: the JSON object has no \"cells\" list"
                + (nbformat < 0 ? " and no \"nbformat\"" : ""),
            0);
      }
      if (nbformat < 0) {
        problems.add("the notebook has no \"nbformat\"; it was read as nbformat 4");
        nbformat = 4;
      }
      return new Read(new Notebook(nbformat, minor, language, cells, problems));
    }

    private int line() {
      return p.currentTokenLocation().getLineNr();
    }

    private String language(JsonToken v) throws IOException {
      if (v != JsonToken.START_OBJECT) {
        p.skipChildren();
        return "";
      }
      String kernel = "";
      String info = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ((field.equals("kernelspec") || field.equals("language_info"))
            && t == JsonToken.START_OBJECT) {
          String key = field.equals("kernelspec") ? "language" : "name";
          String found = "";
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken x = p.nextToken();
            if (f.equals(key) && x == JsonToken.VALUE_STRING) {
              found = p.getText();
            } else {
              p.skipChildren();
            }
          }
          if (field.equals("kernelspec")) {
            kernel = found;
          } else {
            info = found;
          }
        } else {
          p.skipChildren();
        }
      }
      return !kernel.isEmpty() ? kernel : info;
    }

    private List<Notebook.Cell> cells() throws IOException {
      List<Notebook.Cell> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        int index = out.size() + 1;
        if (t != JsonToken.START_OBJECT) {
          problems.add("cell " + index + " is not a JSON object; it was skipped");
          p.skipChildren();
          out.add(
              new Notebook.Cell(
                  index,
                  "raw",
                  Optional.empty(),
                  List.of(),
                  List.of(),
                  Optional.empty(),
                  List.of(),
                  line()));
          continue;
        }
        out.add(cell(index));
      }
      return out;
    }

    private Notebook.Cell cell(int index) throws IOException {
      int start = line();
      String type = "";
      Optional<String> id = Optional.empty();
      Optional<Integer> count = Optional.empty();
      List<String> lines = new ArrayList<>();
      List<Integer> fileLines = new ArrayList<>();
      List<Notebook.Output> outputs = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "cell_type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : "";
          case "id" -> id = v == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : id;
          case "execution_count" ->
              count = v == JsonToken.VALUE_NUMBER_INT ? Optional.of(p.getIntValue()) : count;
          case "source" -> source(index, v, lines, fileLines);
          case "outputs" -> {
            if (v == JsonToken.START_ARRAY) {
              JsonToken o;
              while ((o = p.nextToken()) != JsonToken.END_ARRAY) {
                if (o == JsonToken.START_OBJECT) {
                  outputs.add(output());
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (type.isEmpty()) {
        problems.add("cell " + index + " has no cell_type; it was read as a raw cell");
        type = "raw";
      }
      return new Notebook.Cell(index, type, id, lines, fileLines, count, outputs, start);
    }

    /** A cell's source, a string or a list of strings, split into lines with their file lines. */
    private void source(int index, JsonToken v, List<String> lines, List<Integer> fileLines)
        throws IOException {
      Splitter s = new Splitter(lines, fileLines);
      if (v == JsonToken.VALUE_STRING) {
        s.add(p.getText(), line());
      } else if (v == JsonToken.START_ARRAY) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == JsonToken.VALUE_STRING) {
            s.add(p.getText(), line());
          } else {
            problems.add(
                "cell " + index + " has a source line that is not a string; it was left out");
            p.skipChildren();
          }
        }
      } else if (v != JsonToken.VALUE_NULL) {
        problems.add(
            "cell "
                + index
                + "'s source is "
                + describe(v)
                + ", not a string or a list of strings; the cell was read as empty");
        p.skipChildren();
      }
      s.finish();
    }

    private static String describe(JsonToken v) {
      return switch (v) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case START_OBJECT -> "an object";
        default -> "not text";
      };
    }

    private Notebook.Output output() throws IOException {
      int start = line();
      String type = "";
      Map<String, String> texts = new HashMap<>();
      Map<String, Integer> binary = new HashMap<>();
      Optional<String> ename = Optional.empty();
      String streamName = "stdout";
      String streamText = null;
      long[] size = {0};
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "output_type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : "";
          case "name" -> streamName = v == JsonToken.VALUE_STRING ? p.getText() : streamName;
          case "text" -> streamText = text(v, size);
          case "ename" -> ename = v == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : ename;
          case "evalue" -> {
            String e = text(v, size);
            if (!e.isEmpty()) {
              texts.put("evalue", e);
            }
          }
          case "traceback" ->
              texts.put("traceback", ANSI.matcher(text(v, size, "\n")).replaceAll(""));
          case "data" -> {
            if (v != JsonToken.START_OBJECT) {
              p.skipChildren();
              break;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String mime = p.currentName();
              JsonToken d = p.nextToken();
              if (isText(mime)) {
                texts.put(mime, text(d, size));
              } else {
                int n = binarySize(d);
                size[0] += n;
                binary.put(mime, n);
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (streamText != null) {
        texts.put(streamName, streamText);
      }
      return new Notebook.Output(type, texts, binary, ename, start, size[0]);
    }

    private static boolean isText(String mime) {
      String m = mime.toLowerCase(Locale.ROOT);
      if (m.startsWith("image/")) {
        return false; // SVG too: an image, not prose
      }
      return m.startsWith("text/") || m.endsWith("json") || m.equals("application/javascript");
    }

    private String text(JsonToken v, long[] size) throws IOException {
      return text(v, size, "");
    }

    /** A string or list of strings joined (with {@code sep}), an object as its JSON. */
    private String text(JsonToken v, long[] size, String sep) throws IOException {
      StringBuilder b = new StringBuilder();
      if (v == JsonToken.VALUE_STRING) {
        append(b, p.getText(), size);
      } else if (v == JsonToken.START_ARRAY) {
        JsonToken t;
        boolean first = true;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == JsonToken.VALUE_STRING) {
            if (!first) {
              b.append(sep);
            }
            first = false;
            append(b, p.getText(), size);
          } else {
            p.skipChildren();
          }
        }
      } else if (v == JsonToken.START_OBJECT) {
        String json = p.readValueAsTree().toString();
        append(b, json, size);
      } else if (v != JsonToken.VALUE_NULL) {
        append(b, p.getText(), size);
      }
      return b.toString();
    }

    private static void append(StringBuilder b, String s, long[] size) {
      size[0] += s.length();
      int room = MAX_TEXT_CHARS - b.length();
      if (room > 0) {
        b.append(s, 0, Math.min(room, s.length()));
      }
    }

    /** Characters of a binary datum (base64), without making a Java string of it. */
    private int binarySize(JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_STRING) {
        return p.getTextLength();
      }
      if (v == JsonToken.START_ARRAY) {
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == JsonToken.VALUE_STRING) {
            n += p.getTextLength();
          } else {
            p.skipChildren();
          }
        }
        return n;
      }
      p.skipChildren();
      return 0;
    }
  }

  /** Splits the pieces of a source into lines, each with the file line where it starts. */
  private static final class Splitter {
    private final List<String> lines;
    private final List<Integer> fileLines;
    private final StringBuilder current = new StringBuilder();
    private boolean atLineStart = true;

    Splitter(List<String> lines, List<Integer> fileLines) {
      this.lines = lines;
      this.fileLines = fileLines;
    }

    void add(String piece, int fileLine) {
      for (int i = 0; i < piece.length(); i++) {
        char c = piece.charAt(i);
        if (atLineStart) {
          fileLines.add(fileLine);
          atLineStart = false;
        }
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < piece.length() && piece.charAt(i + 1) == '\n') {
            i++;
          }
          lines.add(current.toString());
          current.setLength(0);
          atLineStart = true;
        } else {
          current.append(c);
        }
      }
    }

    void finish() {
      if (!atLineStart) {
        lines.add(current.toString());
      }
    }
  }
}
