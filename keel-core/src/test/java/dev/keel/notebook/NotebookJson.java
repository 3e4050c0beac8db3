package dev.keel.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Notebooks as Jupyter writes them (one source line per JSON line), for tests. */
public final class NotebookJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode cells = root.putArray("cells");

  public NotebookJson() {
    ObjectNode meta = root.putObject("metadata");
    meta.putObject("kernelspec").put("language", "python").put("name", "python3");
    root.put("nbformat", 4);
    root.put("nbformat_minor", 5);
  }

  public NotebookJson markdown(String source) {
    ObjectNode c = cells.addObject();
    c.put("cell_type", "markdown");
    c.put("id", "m" + cells.size());
    c.putObject("metadata");
    source(c, source);
    return this;
  }

  /** A code cell; {@code count} null for one that never ran. */
  public NotebookJson code(Integer count, String source, ObjectNode... outputs) {
    ObjectNode c = cells.addObject();
    c.put("cell_type", "code");
    c.put("id", "c" + cells.size());
    if (count == null) {
      c.putNull("execution_count");
    } else {
      c.put("execution_count", count);
    }
    c.putObject("metadata");
    ArrayNode out = c.putArray("outputs");
    for (ObjectNode o : outputs) {
      out.add(o);
    }
    source(c, source);
    return this;
  }

  public static ObjectNode stream(String text) {
    ObjectNode o = JSON.createObjectNode();
    o.put("output_type", "stream");
    o.put("name", "stdout");
    lines(o.putArray("text"), text);
    return o;
  }

  public static ObjectNode result(int count, String mime, String data) {
    ObjectNode o = JSON.createObjectNode();
    o.put("output_type", "execute_result");
    o.put("execution_count", count);
    lines(o.putObject("data").putArray(mime), data);
    o.putObject("metadata");
    return o;
  }

  public static ObjectNode image(int base64Chars) {
    ObjectNode o = JSON.createObjectNode();
    o.put("output_type", "display_data");
    o.putObject("data").put("image/png", "iVBOR" + "A".repeat(Math.max(0, base64Chars - 5)));
    o.putObject("metadata");
    return o;
  }

  public static ObjectNode error(String ename, String evalue, String... traceback) {
    ObjectNode o = JSON.createObjectNode();
    o.put("output_type", "error");
    o.put("ename", ename);
    o.put("evalue", evalue);
    ArrayNode t = o.putArray("traceback");
    for (String s : traceback) {
      t.add(s);
    }
    return o;
  }

  private static void source(ObjectNode c, String source) {
    lines(c.putArray("source"), source);
  }

  private static void lines(ArrayNode a, String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        a.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      a.add(text.substring(start));
    }
  }

  public String text() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }
}
