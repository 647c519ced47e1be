package it.piazza.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's chromium and chromium-driver), headless, with a fresh profile: pages are driven as a
 * person would, every page checked with axe-core, and photographed at desktop size and at 360 px.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path profile;

  public Browser(String base) {
    this.base = base;
    try {
      this.profile = Files.createTempDirectory("piazza-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=it-IT",
        // Bootstrap scrolls smoothly unless motion is reduced: clicks would land on a page still moving.
        "--force-prefers-reduced-motion");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.driver.manage().window().setSize(new Dimension(1280, 900));
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  public void open(String path) {
    driver.get(base + path);
    ready();
  }

  /** Waits until the page has loaded and its scripts ran. */
  public void ready() {
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  public String path() {
    return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
  }

  public WebElement find(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public void click(String css) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    // Into the middle of the window, clear of the sticky header, as a person would scroll before clicking.
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
    element.click();
  }

  /** Clicks the label of a checkbox or radio: Bootstrap Italia draws the control on its label. */
  public void tick(String inputId) {
    click("label[for='" + inputId + "']");
  }

  public void type(String css, String text) {
    WebElement field = visible(css);
    field.clear();
    field.sendKeys(text);
  }

  public void choose(String selectCss, String value) {
    new org.openqa.selenium.support.ui.Select(visible(selectCss)).selectByValue(value);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Clicks and waits for the next page to replace this one. */
  public void submit(String css) {
    WebElement old = driver.findElement(By.tagName("html"));
    click(css);
    wait.until(ExpectedConditions.stalenessOf(old));
    ready();
  }

  public String text(String css) {
    return visible(css).getText();
  }

  /** Signs in on the demo sign-in page as a demo identity and waits to be sent on. */
  public void signInAs(String name) {
    wait.until(ExpectedConditions.urlContains("/login"));
    ready();
    submit("button[aria-label$='" + name + "']");
  }

  public void signOut() {
    submit("form[action='/logout'] button");
  }

  /**
   * Checks the page with axe-core (WCAG 2.1 A and AA rules) and photographs it at 1280x900 and at 360 px wide,
   * where nothing may overflow sideways.
   */
  public void check(String step) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
        .analyze(driver);
    List<Rule> grave = results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
    assertThat(grave).as(step + ": serious or critical accessibility violations on " + path() + "\n" + describe(grave))
        .isEmpty();
    shoot(step + "-desktop");
    driver.manage().window().setSize(new Dimension(360, 800));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= 360);
    Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth");
    shoot(step + "-360");
    driver.manage().window().setSize(new Dimension(1280, 900));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() > 1000);
    assertThat(overflow.intValue()).as(step + ": the page scrolls sideways at 360 px on " + path()).isLessThanOrEqualTo(1);
  }

  private void shoot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(List<Rule> rules) {
    return rules.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " — "
        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining("; ")))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind harms nothing
    }
  }
}
