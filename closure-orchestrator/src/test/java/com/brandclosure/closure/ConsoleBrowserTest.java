package com.brandclosure.closure;

import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.HeadlessChromium;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ops console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the running orchestrator on real Kafka and PostgreSQL: sign in with a support token,
 * filter, approve, reject, and see a refused stale approval and the four-eyes refusal. Skipped,
 * saying so, where no Chromium is installed. Same context configuration as the integration tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=closure-it",
        "platform.timers.polling-interval=PT0.2S"})
@RealInfrastructure(database = "closure_it")
class ConsoleBrowserTest {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static KafkaProbe kafka;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait waiting;

    @LocalServerPort
    int port;
    @Autowired
    JsonCodec json;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;
    SummaryEventSender sources;

    @BeforeAll
    static void chromium() throws IOException {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missing());
        kafka = new KafkaProbe(Topics.CLOSURE);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void open() throws IOException {
        http = HttpClient.at(port, json);
        sources = new SummaryEventSender(kafka, json);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        waiting = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void close() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    // ---- the page -----------------------------------------------------------------------------

    void signIn(String authorization) {
        browser.get("http://localhost:" + port + "/console");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(authorization.substring("Bearer ".length()));
        browser.findElement(By.id("use-token")).click();
    }

    WebElement card(String account) {
        return waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#closures .closure[data-account='" + account + "']")));
    }

    /** Waits until the card shows {@code state} (the live refresh or an action updates it). */
    WebElement cardInState(String account, String state) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#closures .closure[data-account='" + account + "'][data-state='" + state + "']")));
        return card(account);
    }

    boolean listed(String account) {
        return !browser.findElements(By.cssSelector("#closures .closure[data-account='" + account + "']")).isEmpty();
    }

    void filterState(String state) {
        new Select(browser.findElement(By.id("filter-state"))).selectByValue(state);
        // The page marks the filters a completed refresh was made with.
        String expected = state.isEmpty() ? "limit=" : "state=" + state + "&";
        waiting.until(d -> {
            String applied = d.findElement(By.id("closures")).getAttribute("data-filters");
            return applied != null && applied.startsWith(expected);
        });
    }

    void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    // ---- closures set up through the source topics, as in the integration tests -----------------

    String underReview(String initiatorAuthorization) {
        String account = "ui-" + UUID.randomUUID().toString().substring(0, 12);
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM events WHERE stream_id = ?", Integer.class, "closure-" + account) == 4);
        String initiator = initiatorAuthorization != null ? initiatorAuthorization
                : TestTokens.brandAdmin("brand-admin", account);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", initiator, "{\"reason\":\"moving on\"}")
                .text("state")).isEqualTo("ClosureRequested");
        return account;
    }

    String preparing() {
        String account = "ui-" + UUID.randomUUID().toString().substring(0, 12);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("brand-admin", account),
                "{\"reason\":\"moving on\"}").text("state")).isEqualTo("Preparing");
        return account;
    }

    long version(String account) {
        return http.get("/api/v1/closures/" + account, TestTokens.support("reader")).body().get("version").asLong();
    }

    // ---- the tests ----------------------------------------------------------------------------

    @Test
    void supportLoadsTheConsoleFiltersByStateSeesTheChecklistAndApprovesAClosure() throws IOException {
        String review = underReview(null);
        String preparing = preparing();
        signIn(TestTokens.support("alice"));

        filterState("ClosureRequested");
        WebElement card = card(review);
        assertThat(listed(preparing)).as("a Preparing closure under the ClosureRequested filter").isFalse();
        assertThat(browser.findElements(By.cssSelector("#closures .closure")))
                .allSatisfy(c -> assertThat(c.getAttribute("data-state")).isEqualTo("ClosureRequested"));
        // The checklist: every precondition met, with when and from which source event.
        List<WebElement> checklist = card.findElements(By.cssSelector("tr.precondition"));
        assertThat(checklist).extracting(r -> r.getAttribute("data-name")).containsExactlyInAnyOrder(
                "PAYOUTS_SETTLED", "CONTRACTS_EXPIRED", "FUNDING_SUFFICIENT", "CATALOGS_DELETED");
        assertThat(checklist).allSatisfy(r -> {
            assertThat(r.findElement(By.cssSelector(".met")).getText()).isEqualTo("met");
            assertThat(r.findElement(By.cssSelector(".when")).getText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(r.findElement(By.cssSelector(".source")).getText()).startsWith("event ");
        });
        assertThat(card.findElement(By.cssSelector(".waiting-on")).getText()).isEqualTo("FINAL_REVIEW");
        assertThat(card.findElement(By.cssSelector(".approve")).getText()).endsWith("version " + version(review));

        filterState("Preparing");
        card(preparing);
        assertThat(listed(review)).isFalse();
        assertThat(card(preparing).findElements(By.cssSelector("tr.precondition td.unmet"))).hasSize(4);

        filterState("");
        card(review).findElement(By.cssSelector(".approve")).click();
        // Approval puts the closure in Deactivating; the card names the services that have not fenced yet.
        WebElement approved = cardInState(review, "Deactivating");
        assertThat(approved.findElement(By.cssSelector(".card-message")).getText()).startsWith("Approved: now Deactivating");
        assertThat(approved.findElement(By.cssSelector(".approved-by")).getText()).contains("alice");
        assertThat(approved.findElement(By.cssSelector(".missing-fences")).getText())
                .isEqualTo("contracts-service, payouts-service, funding-service, catalog-service");
        String ticket = http.get("/api/v1/closures/" + review, TestTokens.support("reader")).text("ticketId");
        for (String service : SummaryEventSender.FENCING_SERVICES.keySet()) {
            sources.fenced(review, service, ticket);
        }
        await().atMost(PATIENCE).until(() -> kafka.events("AccountDeactivated", review).size() == 1);
        approved = cardInState(review, "AwaitingFinalSettlement");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", approved);
        screenshot("console.png");
        assertThat(SCREENSHOTS.resolve("console.png")).isNotEmptyFile();
    }

    @Test
    void supportRejectsAClosureWithReasons() {
        String account = underReview(null);
        signIn(TestTokens.support("alice"));
        WebElement card = cardInState(account, "ClosureRequested");
        card.findElement(By.cssSelector("textarea.reasons")).sendKeys("invoice 42 still open\nask the brand to confirm");
        card.findElement(By.cssSelector(".reject")).click();

        WebElement rejected = cardInState(account, "Preparing");
        assertThat(rejected.findElement(By.cssSelector(".rejection")).getText())
                .isEqualTo("Rejected: invoice 42 still open; ask the brand to confirm");
        var view = http.get("/api/v1/closures/" + account, TestTokens.support("reader"));
        assertThat(view.text("state")).isEqualTo("Preparing");
        assertThat(view.body().get("rejectionReasons").valueStream().map(r -> r.asString()))
                .containsExactly("invoice 42 still open", "ask the brand to confirm");
        assertThat(kafka.events("AccountDeactivated", account)).isEmpty();
    }

    @Test
    void anApprovalOfEvidenceThatChangedMeanwhileIsRefusedAndTheApiMessageIsShown() throws IOException {
        String account = underReview(null);
        signIn(TestTokens.support("alice"));
        WebElement card = cardInState(account, "ClosureRequested");
        long shown = Long.parseLong(card.getAttribute("data-version"));

        // The reviewer looks at version `shown`; live refresh is off, and new evidence arrives.
        browser.findElement(By.id("live")).click();
        assertThat(browser.findElement(By.id("live")).isSelected()).isFalse();
        sources.send(Topics.CATALOG, new CatalogsDeleted(account, Instant.now(),
                sources.nextVersion(Topics.CATALOG, account)));
        await().atMost(PATIENCE).until(() -> version(account) > shown);
        assertThat(card.getAttribute("data-version")).isEqualTo(String.valueOf(shown));

        card.findElement(By.cssSelector(".approve")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "409"));
        String message = browser.findElement(By.id("message")).getText();
        assertThat(message).contains("approve refused", "changed since version " + shown);
        assertThat(card.findElement(By.cssSelector(".card-message")).getText()).contains("changed since version " + shown);
        assertThat(http.get("/api/v1/closures/" + account, TestTokens.support("reader")).text("state"))
                .isEqualTo("ClosureRequested");
        screenshot("console-stale-approval.png");
    }

    @Test
    void theInitiatorsOwnApprovalIsRefusedByTheFourEyesRuleOnThePage() {
        String initiator = TestTokens.support("sue");
        String account = underReview(initiator);
        signIn(initiator);
        cardInState(account, "ClosureRequested").findElement(By.cssSelector(".approve")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "403"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("someone other than");
        assertThat(http.get("/api/v1/closures/" + account, TestTokens.support("reader")).text("state"))
                .isEqualTo("ClosureRequested");
    }

    @Test
    void withoutCredentialsThePageShowsNoDataAndSaysSo() {
        browser.get("http://localhost:" + port + "/console");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Sign in"));
        assertThat(browser.findElements(By.cssSelector("#closures .closure"))).isEmpty();
        // A brand admin may not list closures: the page shows the API's refusal.
        browser.findElement(By.id("token")).sendKeys(TestTokens.brandAdmin("ann", "x").substring(7));
        browser.findElement(By.id("use-token")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "403"));
    }

    @Test
    void aClosureWithADriftIsFlaggedOnItsCardAndInItsTimeline() throws IOException {
        String account = underReview(null);
        String reportFor = http.get("/api/v1/closures/" + account, TestTokens.support("reader")).body()
                .get("stateReports").get("closureId").asString() + ":reconciliation";
        // contracts-service answers a reconciliation: a contract is active, which the saga never heard of.
        sources.send(Topics.CONTRACTS, new com.brandclosure.events.ActiveContractsPresent(account, 1, Instant.now(),
                sources.nextVersion(Topics.CONTRACTS, account), reportFor));
        await().atMost(PATIENCE).until(() -> http.get("/api/v1/closures/" + account, TestTokens.support("reader"))
                .body().get("drifts").size() == 1);

        signIn(TestTokens.ops("olga"));
        WebElement card = cardInState(account, "Preparing");
        assertThat(card.getAttribute("class")).contains("drift");
        assertThat(card.findElement(By.cssSelector(".badge.drift")).getText()).isEqualTo("drift");
        assertThat(card.findElement(By.cssSelector(".drifts")).getText()).contains(
                "CONTRACTS_EXPIRED (KIND): the saga had ContractsExpired v1, the source says ActiveContractsPresent v2");
        screenshot("console-drift.png");

        card.findElement(By.cssSelector(".open-timeline")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#timeline-closure .drifts"), "ActiveContractsPresent v2"));
        assertThat(browser.findElement(By.cssSelector("#timeline-closure .badge.drift")).getText()).isEqualTo("drift");
    }
}
