package com.brandclosure.testkit;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, headless, one profile per browser, for the
 * ops console's browser tests ({@code .ci/run} installs both). {@link #installed()} is what a test
 * assumes; {@link #screenshot} saves the page under {@code target/screenshots/}. Needs Selenium on the
 * test's classpath (an optional dependency of the test kit).
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final WebDriver browser;

    private HeadlessChromium(Path profile, WebDriver browser) {
        this.profile = profile;
        this.browser = browser;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Why a browser test is skipped where {@link #installed()} is false. */
    public static String missing() {
        return "browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
    }

    public static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // A driver service per browser: quitting a ChromeDriver stops its service.
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return browser;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>} and returns its path. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        FileSystemUtils.deleteRecursively(profile);
    }
}
