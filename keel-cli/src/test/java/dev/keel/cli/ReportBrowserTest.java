package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser (headless Chromium through chromedriver, Debian's {@code
 * chromium} and {@code chromium-driver}, which {@code .ci/run} installs): no console errors,
 * sorting a column works, the charts have content. The screenshot is saved as {@code
 * target/report-screenshot.png}. Skipped, saying so, where the browser is missing.
 */
@Tag("slow")
@Tag("browser")
class ReportBrowserTest {
  @TempDir Path tmp;

  private static Path find(String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void theReportWorksInChromium() throws IOException {
    Path chromium =
        find("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    Path driver = find("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Assumptions.assumeTrue(
        chromium != null && driver != null,
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    Path html = tmp.resolve("report.html");
    try (ScriptedRepo repo = ReportCommandTest.shop(tmp.resolve("shop"))) {
      Cli.Outcome o = Cli.run("report", "--output", html.toString(), repo.dir.toString());
      assertEquals(0, o.code(), o.err());
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      browser.get(html.toUri().toString());
      assertTrue(browser.getTitle().startsWith("Keel debt report"), browser.getTitle());

      // Sorting: the family table by debt, ascending then descending.
      WebElement table = browser.findElement(By.id("family-table"));
      WebElement debt = table.findElements(By.tagName("th")).get(1);
      debt.click();
      List<Long> up = column(table, 1);
      debt.click();
      List<Long> down = column(table, 1);
      assertTrue(up.size() > 1, "the fixture has findings of several families: " + up);
      assertEquals(up.stream().sorted().toList(), up, "ascending after one click");
      assertEquals(up.reversed(), down, "descending after two");
      assertNotEquals(up, down);

      // Filtering the hotspot table hides the rows that do not match.
      WebElement filter = browser.findElement(By.cssSelector("input[data-filter=hotspot-table]"));
      List<WebElement> rows = browser.findElements(By.cssSelector("#hotspot-table tbody tr"));
      filter.sendKeys("still.py");
      List<String> visible =
          rows.stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
      assertEquals(2, visible.size(), "the file and its function: " + visible);
      assertTrue(visible.stream().allMatch(t -> t.contains("shop/still.py")), visible.toString());
      assertTrue(rows.size() > visible.size());

      // The charts have content.
      assertEquals(6, browser.findElements(By.cssSelector("#chart-trend circle")).size());
      assertTrue(browser.findElements(By.cssSelector("#chart-hotspots rect")).size() >= 2);
      assertTrue(browser.findElements(By.cssSelector("#chart-family rect")).size() >= 2);
      WebElement line = browser.findElement(By.cssSelector("#chart-trend path.trend-line"));
      assertTrue(line.getAttribute("d").split("L").length == 6, line.getAttribute("d"));

      List<LogEntry> errors =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
              .toList();
      assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());

      filter.clear();
      browser.executeScript("window.scrollTo(0, 0)");
      byte[] png = browser.getScreenshotAs(OutputType.BYTES);
      Path shot = Path.of("target", "report-screenshot.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, png);
      assertTrue(png.length > 10_000, "a screenshot with something on it");
    } finally {
      browser.quit();
    }
  }

  private static List<Long> column(WebElement table, int index) {
    return table.findElements(By.cssSelector("tbody tr")).stream()
        .map(
            r ->
                Long.parseLong(
                    r.findElements(By.tagName("td")).get(index).getAttribute("data-value")))
        .toList();
  }
}
