package dev.verifier.stack.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.verifier.stack.support.DemoSeed;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium and chromedriver, installed by .ci/run) through the demo SPA against
 * the running stack: the app, the login page, the consent page, back to the app with the ID token claims, and a
 * successful API call with a DPoP-bound token (the page shows the token response's {@code token_type: DPoP}; the
 * API answers only to a proof of the page's non-extractable key). A screenshot of each page is saved under target/screenshots/. The first sign-in runs first:
 * the demo user has not consented yet, so it sees the consent page (the consent is kept for the second test).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoAppInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String CHROMIUM = System.getProperty("verifier.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("verifier.chromedriver", "/usr/bin/chromedriver");

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900",
                "--user-data-dir=" + Files.createTempDirectory("verifier-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            screenshot("last-page");
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void userLogsInThroughTheDemoAppAndTheApiAnswers() throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        DemoSeed.Demo demo = stack.demo();

        browser.get(demo.redirectUri());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Not signed in."));
        screenshot("1-demo-app");

        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(stack.issuer().toString()), browser.getCurrentUrl());
        screenshot("2-login");

        browser.findElement(By.id("username")).sendKeys(demo.username());
        browser.findElement(By.id("password")).sendKeys(demo.password());
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=approve]")));
        screenshot("3-consent");

        browser.findElement(By.cssSelector("button[value=approve]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Signed in"));
        String claims = browser.findElement(By.id("claims")).getText();
        assertTrue(claims.contains("\"sub\""), claims);
        assertTrue(claims.contains(demo.clientId()), "aud is the demo client: " + claims);
        assertEquals("DPoP", browser.findElement(By.id("token-type")).getText(),
                "the token response's token_type: the tokens are bound to the page's WebCrypto key (RFC 9449)");
        screenshot("4-signed-in");

        browser.findElement(By.id("call-api")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "API call"));
        String api = browser.findElement(By.id("api")).getText();
        screenshot("5-api-answer");
        assertEquals("API call succeeded.", browser.findElement(By.id("status")).getText(), api);
        assertTrue(api.startsWith("200 "), api);
    }

    @Test
    @Order(2)
    void logInAfterLogOutAsksForThePasswordAgain() throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        DemoSeed.Demo demo = stack.demo();
        browser.get(demo.redirectUri());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Not signed in."));
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(demo.username());
        browser.findElement(By.id("password")).sendKeys(demo.password());
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=approve]")),
                ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Signed in")));
        if (!browser.findElements(By.cssSelector("button[value=approve]")).isEmpty()) {
            browser.findElement(By.cssSelector("button[value=approve]")).click();
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Signed in"));

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Signed out of the app and of the issuer."));
        assertEquals(demo.redirectUri(), browser.getCurrentUrl(), "back on the app's page");
        screenshot("6-signed-out");

        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().startsWith(stack.issuer().toString()), browser.getCurrentUrl());
        screenshot("7-login-again-asks-for-the-password");
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
