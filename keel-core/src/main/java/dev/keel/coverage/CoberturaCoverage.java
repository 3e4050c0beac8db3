package dev.keel.coverage;

import dev.keel.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Cobertura XML as {@code coverage xml} writes it: {@code <sources><source>} folders, then {@code
 * <class filename=…>} elements whose {@code <line number hits>} are the statements and whether they
 * ran. Read with StAX, DTDs and external entities off: a document that declares entities (an XXE or
 * a "billion laughs" payload) is refused, never expanded.
 */
final class CoberturaCoverage {
  private CoberturaCoverage() {}

  private static final class Lines {
    final SortedSet<Integer> statements = new TreeSet<>();
    final SortedSet<Integer> executed = new TreeSet<>();
  }

  static CoverageData read(Path file, String shown, byte[] bytes, DataPaths paths) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    List<String> sources = new ArrayList<>();
    Map<String, Lines> byFile = new HashMap<>();
    Optional<String> version = Optional.empty();
    Optional<Instant> when = Optional.empty();
    boolean sawCoverage = false;
    String current = null;
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      StringBuilder text = null;
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD -> {
            String dtd = r.getText();
            if (dtd != null && dtd.contains("<!ENTITY")) {
              throw new ConfigException(
                  shown
                      + " declares XML entities: refused (an entity can read files or expand"
                      + " without bound); coverage.py's Cobertura XML has none");
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new ConfigException(
                  shown
                      + " uses the XML entity &"
                      + r.getLocalName()
                      + "; refused: coverage.py's Cobertura XML has none");
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            if (!sawCoverage) {
              if (!name.equals("coverage")) {
                throw new ConfigException(
                    shown + " is XML but not Cobertura coverage: its root is <" + name + ">");
              }
              sawCoverage = true;
              version = Optional.ofNullable(r.getAttributeValue(null, "version"));
              String ts = r.getAttributeValue(null, "timestamp");
              if (ts != null && ts.matches("\\d{1,15}")) {
                // coverage.py writes milliseconds; older Cobertura writers seconds.
                long n = Long.parseLong(ts);
                when =
                    Optional.of(
                        n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
              }
            } else if (name.equals("source")) {
              text = new StringBuilder();
            } else if (name.equals("class")) {
              current = r.getAttributeValue(null, "filename");
              if (current == null) {
                throw new ConfigException(
                    shown
                        + " line "
                        + r.getLocation().getLineNumber()
                        + ": <class> without filename");
              }
              byFile.computeIfAbsent(current, k -> new Lines());
            } else if (name.equals("line") && current != null) {
              int number = (int) Math.min(Integer.MAX_VALUE, number(r, "number", shown));
              long hits = number(r, "hits", shown);
              Lines l = byFile.get(current);
              if (number > 0) {
                l.statements.add(number);
                if (hits > 0) {
                  l.executed.add(number);
                }
              }
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (text != null) {
              text.append(r.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String name = r.getLocalName();
            if (name.equals("source") && text != null) {
              sources.add(text.toString().strip());
              text = null;
            } else if (name.equals("class")) {
              current = null;
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
      int cut = msg.indexOf("Message: ");
      throw new ConfigException(
          shown + " is not well-formed XML: " + (cut >= 0 ? msg.substring(cut + 9) : msg));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing more to read
        }
      }
    }
    if (!sawCoverage) {
      throw new ConfigException(shown + " has no <coverage> element: not Cobertura coverage");
    }
    Map<String, FileCoverage> files = new HashMap<>();
    int elsewhere = 0;
    for (Map.Entry<String, Lines> e : byFile.entrySet()) {
      Optional<String> path = mapWithSources(e.getKey(), sources, paths);
      if (path.isEmpty()) {
        elsewhere++;
        continue;
      }
      FileCoverage previous = files.get(path.get());
      SortedSet<Integer> statements = new TreeSet<>(e.getValue().statements);
      SortedSet<Integer> executed = new TreeSet<>(e.getValue().executed);
      if (previous != null) {
        statements.addAll(previous.statements().orElseThrow());
        executed.addAll(previous.executed());
      }
      files.put(
          path.get(),
          new FileCoverage(
              path.get(),
              executed,
              Optional.of(statements),
              new TreeSet<>(),
              Map.of(),
              Map.of(),
              Map.of()));
    }
    return new CoverageData(file, CoverageData.Format.COBERTURA, version, when, files, elsewhere);
  }

  private static Optional<String> mapWithSources(
      String filename, List<String> sources, DataPaths paths) {
    for (String source : sources) {
      if (!source.isEmpty()) {
        Optional<String> p =
            paths.map(DataPaths.slashes(source) + "/" + DataPaths.slashes(filename));
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return paths.map(filename);
  }

  private static long number(XMLStreamReader r, String attribute, String shown) {
    String v = r.getAttributeValue(null, attribute);
    try {
      return Long.parseLong(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          shown
              + " line "
              + r.getLocation().getLineNumber()
              + ": <line> "
              + attribute
              + "=\""
              + v
              + "\" is not a number");
    }
  }

  private static void trySet(XMLInputFactory f, String property, Object value) {
    try {
      f.setProperty(property, value);
    } catch (IllegalArgumentException e) {
      // not every StAX implementation knows every property; the DTD switch above is what counts
    }
  }
}
