package org.policyadvisor.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through chromedriver, with axe-core for accessibility checks. Skipped, with a
 * message, on a machine without them; {@code .ci/run} installs both.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	static Browser open() {
		return open(1280, 1000);
	}

	static Browser open(int width, int height) {
		require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver (see .ci/run)");
		require(Files.isRegularFile(AXE), "Browser tests need axe-core: run `npm ci --prefix src/test/js` (see .ci/run)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		driver.manage().window().setSize(new Dimension(width, height));
		return new Browser(driver);
	}

	/** On a developer's machine a missing browser skips these tests; in CI it fails them, so they cannot pass hollow. */
	private static void require(boolean available, String message) {
		if ("true".equals(System.getenv("CI"))) {
			if (!available) {
				throw new IllegalStateException(message);
			}
		}
		else {
			Assumptions.assumeTrue(available, message + "; skipped");
		}
	}

	/** Waits for an element of the next page: pressing Enter on a submit button does not wait for the page. */
	void waitFor(String css) {
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	void go(String url) {
		this.driver.get(url);
	}

	String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	String text(String css) {
		return this.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
			.reduce("", (a, b) -> a + "\n" + b);
	}

	String attribute(String css, String name) {
		return this.driver.findElement(By.cssSelector(css)).getDomAttribute(name);
	}

	boolean isDisplayed(String css) {
		return this.driver.findElement(By.cssSelector(css)).isDisplayed();
	}

	/** Presses Tab once from the top of the page and returns the text of the element that gets focus. */
	String firstTabStopText() {
		js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
		this.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		return this.driver.switchTo().activeElement().getText();
	}

	/** Focuses a radio button and moves the selection with an arrow key, as a keyboard user does. */
	void chooseWithArrowKey(String radioId, Keys key) {
		WebElement radio = this.driver.findElement(By.id(radioId));
		js("arguments[0].focus();", radio);
		this.driver.switchTo().activeElement().sendKeys(key);
	}

	/**
	 * Focuses a select and moves through its options with the down arrow, as a keyboard user does, until the one
	 * with the given value is chosen.
	 */
	void chooseWithArrowKeys(String selectId, String value) {
		WebElement select = this.driver.findElement(By.id(selectId));
		js("arguments[0].focus();", select);
		int options = select.findElements(By.tagName("option")).size();
		for (int i = 0; i < options && !value.equals(select.getDomProperty("value")); i++) {
			this.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
		}
		if (!value.equals(select.getDomProperty("value"))) {
			throw new IllegalStateException("The arrow keys did not reach option '" + value + "' of #" + selectId);
		}
	}

	/** Presses Tab and returns the text of the element that gets focus. */
	String tab() {
		this.driver.switchTo().activeElement().sendKeys(Keys.TAB);
		return this.driver.switchTo().activeElement().getText();
	}

	/** The id of the element that has the keyboard focus; empty when it has none. */
	String activeElementId() {
		return this.driver.switchTo().activeElement().getDomAttribute("id");
	}

	void pressEnter() {
		this.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
	}

	boolean isChecked(String inputId) {
		return this.driver.findElement(By.id(inputId)).isSelected();
	}

	void pressEnterOn(String css) {
		WebElement element = this.driver.findElement(By.cssSelector(css));
		js("arguments[0].focus();", element);
		this.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
	}

	/** Opens the "why" disclosure of a conclusion with the keyboard. */
	void openWhy(String conclusionId) {
		WebElement summary = this.driver.findElement(By.cssSelector("#" + conclusionId + " details.why > summary"));
		js("arguments[0].focus();", summary);
		this.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
	}

	void openAllDetails() {
		js("document.querySelectorAll('details').forEach(d => d.open = true);");
	}

	boolean horizontalOverflow() {
		return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth + 1;");
	}

	/** Runs axe-core's WCAG 2.1 A and AA rules and returns one line per violation. */
	@SuppressWarnings("unchecked")
	List<String> axeViolations() throws Exception {
		js(Files.readString(AXE));
		Object result = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') }))))
				  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: '' }]));
				""");
		return ((List<Map<String, Object>>) result).stream()
			.map((v) -> v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
			.toList();
	}

	/** Types into a text field or text area, as a user does, after emptying it. */
	void type(String css, String text) {
		WebElement field = this.driver.findElement(By.cssSelector(css));
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses the option with the given value in a select. */
	void choose(String css, String value) {
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.cssSelector(css))).selectByValue(value);
	}

	/** The current value of a form field (what is typed or chosen now, not the page's initial value). */
	String value(String css) {
		return this.driver.findElement(By.cssSelector(css)).getDomProperty("value");
	}

	int count(String css) {
		return this.driver.findElements(By.cssSelector(css)).size();
	}

	/** A screenshot of one element, scrolled into view, at its own size. */
	void screenshotOf(String css, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		WebElement element = this.driver.findElement(By.cssSelector(css));
		js("arguments[0].scrollIntoView();", element);
		Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
	}

	void screenshot(String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		js("document.body.style.zoom = '1';");
		byte[] png = ((org.openqa.selenium.TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
