package dev.keel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.python.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallablesTest {
  private static List<CallableMetrics> measure(String source) {
    return Callables.measureAll(PythonParser.parse(source));
  }

  @Test
  void namesFollowQualnameAndLinesAreTheDefLine() {
    List<CallableMetrics> all =
        measure(
            """
            import functools


            @functools.cache
            # a comment between decorator and def
            def outer(a, b: int = 1) -> int:
                def inner(c):
                    return c

                class Local:
                    def method(self):
                        pass

                return inner(a)


            class Shape:
                if True:
                    async def area(self, scale: float) -> float:
                        return 0.0

                @staticmethod
                def make(sides, /, *args, name, **kwargs):
                    return Shape()
            """);
    assertEquals(
        List.of(
            "outer",
            "outer.<locals>.inner",
            "outer.<locals>.Local.method",
            "Shape.area",
            "Shape.make"),
        all.stream().map(CallableMetrics::name).toList());
    CallableMetrics outer = all.get(0);
    assertEquals(6, outer.line());
    assertEquals(14, outer.endLine());
    assertEquals(9, outer.length());
    assertEquals(2, outer.parameters());
    assertEquals(100.0 * 2 / 3, outer.annotationCoverage(), 1e-9);
    CallableMetrics method = all.get(2);
    assertEquals(0, method.parameters());
    assertEquals(0.0, method.annotationCoverage());
    CallableMetrics area = all.get(3);
    assertEquals(19, area.line());
    assertEquals(1, area.parameters());
    assertEquals(100.0, area.annotationCoverage());
    CallableMetrics make = all.get(4);
    assertEquals(2, make.parameters());
    assertEquals(0.0, make.annotationCoverage());
  }

  @Test
  void complexityCountsAsRadonDoes() {
    List<CallableMetrics> all =
        measure(
            """
            def f(a, b=lambda x: x if x else 0):
                if a and b or a:
                    return [x for x in a if x if not x]
                def g():
                    if a: pass
                class C:
                    def m(self):
                        if a: pass
                assert a and b
                with a: pass
                try:
                    pass
                except A:
                    pass
                else:
                    pass
                return lambda: a if b else c
            """);
    // radon cc: f 11, g 2, C.m 2
    assertEquals(List.of(11, 2, 2), all.stream().map(CallableMetrics::complexity).toList());
  }

  @Test
  void nestingIgnoresElifAndNestedFunctions() {
    List<CallableMetrics> all =
        measure(
            """
            def f(x):
                if x:
                    pass
                elif x:
                    for y in x:
                        pass
                else:
                    while x:
                        with x:
                            def g():
                                if x:
                                    if x:
                                        pass
            """);
    assertEquals(List.of(3, 2), all.stream().map(CallableMetrics::nesting).toList());
  }
}
