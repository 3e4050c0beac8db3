package dev.keel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.testing.Expectations.Expected;
import dev.keel.testing.Expectations.Reported;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a failing fixture says: one line per problem, with the source line it is about. */
class ExpectationsTest {
  private static final List<String> SOURCE =
      List.of(
          "def load(path):",
          "    try:",
          "        return open(path).read()",
          "    except:  # expect: REL001 \"bare except\"",
          "        return None",
          "    except OSError:  # expect: REL001",
          "        pass",
          "    except:",
          "        pass  # expect-file: SYN001",
          "    except ValueError:  # expect: REL001, REL001");

  @Test
  void markersAreReadWithCodesFragmentsAndFileMarkers() {
    assertEquals(
        List.of(
            new Expected("REL001", 4, Optional.of("bare except")),
            new Expected("REL001", 6, Optional.empty()),
            new Expected("SYN001", 0, Optional.empty()),
            new Expected("REL001", 10, Optional.empty()),
            new Expected("REL001", 10, Optional.empty())),
        Expectations.parse(SOURCE));
    assertEquals(
        List.of(new Expected("SEC002", 1, Optional.of("say \"no\""))),
        Expectations.parse(List.of("x = 1  # expect: SEC002 \"say \\\"no\\\"\"")));
  }

  @Test
  void exactlyTheExpectedFindingsAreNoProblem() {
    List<Reported> reported =
        List.of(
            new Reported("REL001", 4, "`except:` is a bare except: it catches everything"),
            new Reported("REL001", 6, "x"),
            new Reported("SYN001", 0, "whole file"),
            new Reported("REL001", 10, "a"),
            new Reported("REL001", 10, "b"));
    assertEquals(List.of(), Expectations.compare(SOURCE, Expectations.parse(SOURCE), reported));
  }

  @Test
  void missingUnexpectedAndTwiceSayWhichLineWithItsSource() {
    List<Reported> reported =
        List.of(
            new Reported("REL001", 4, "`except:` catches everything"),
            new Reported("REL001", 8, "`except:` catches everything"),
            new Reported("REL001", 8, "`except:` catches everything"),
            new Reported("REL001", 10, "once"));
    assertEquals(
        List.of(
            "missing REL001 \"bare except\" on line 4: except:"
                + "  (reported: \"`except:` catches everything\")",
            "missing REL001 on line 6: except OSError:",
            "unexpected REL001 on line 8: except:  (reported: \"`except:` catches everything\" |"
                + " \"`except:` catches everything\")",
            "REL001 once on line 10, expected twice: except ValueError:  (reported: \"once\")",
            "missing SYN001 on the whole file: (# expect-file)"),
        Expectations.compare(SOURCE, Expectations.parse(SOURCE), reported));
  }

  @Test
  void twoFindingsWhereOneIsExpectedFail() {
    List<String> source = List.of("try:", "    pass", "except:  # expect: REL001", "    pass");
    List<Reported> reported =
        List.of(new Reported("REL001", 3, "first"), new Reported("REL001", 3, "second"));
    assertEquals(
        List.of(
            "REL001 twice on line 3, expected once: except:  (reported: \"first\" | \"second\")"),
        Expectations.compare(source, Expectations.parse(source), reported));
  }
}
