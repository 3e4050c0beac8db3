package dev.keel.report;

import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, which CI servers show as test results: one test case per finding, failing when the
 * finding is new and skipped when the baseline holds it; a clean run is one passing case. Paths and
 * messages are {@link Escape escaped}: XML 1.0 has no way to write most control characters, not
 * even as character references, and a CI server rejects the whole file for one.
 */
final class JunitReporter implements Reporter {
  @Override
  public void write(Report result, PrintWriter out) {
    List<JudgedFinding> all = result.findings();
    int failures = result.newFindings().size();
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "keel");
      x.writeAttribute("tests", String.valueOf(Math.max(1, all.size())));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "keel check");
      x.writeAttribute("tests", String.valueOf(Math.max(1, all.size())));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", String.valueOf(all.size() - failures));
      if (all.isEmpty()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("testcase");
        x.writeAttribute("classname", "keel");
        x.writeAttribute("name", "no findings");
      }
      for (JudgedFinding j : all) {
        Finding f = j.finding();
        String path = Escape.text(f.path());
        String message = Escape.text(f.message());
        String where =
            path
                + (f.span().isPresent() && f.cell().isPresent()
                    ? ":" + f.cell().get().where()
                    : f.span().isPresent() ? ":" + f.line() : "");
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", path);
        x.writeAttribute("name", f.code() + " " + where);
        x.writeCharacters("\n      ");
        if (j.baselined()) {
          x.writeEmptyElement("skipped");
          x.writeAttribute("message", "baselined: " + message);
        } else {
          x.writeStartElement("failure");
          x.writeAttribute("type", f.code());
          x.writeAttribute("message", message);
          x.writeCharacters(where + ": " + f.code() + " [" + f.severity().label() + "] " + message);
          x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println(buffer);
  }
}
