package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.testkit.HeadlessChromium;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.brandclosure.systemtests.RunningSystem.CATALOG;
import static com.brandclosure.systemtests.RunningSystem.CONTRACTS;
import static com.brandclosure.systemtests.RunningSystem.FUNDING;
import static com.brandclosure.systemtests.RunningSystem.ORCHESTRATOR;
import static com.brandclosure.systemtests.RunningSystem.PAYOUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ops console over the whole system, in a real headless Chromium against the five services as
 * processes on real Kafka and PostgreSQL, signed in both ways the platform knows: a bearer JWT
 * (production) and the demo identities' HTTP Basic (the local stack; the services are restarted in
 * demo mode for that test and back in JWT mode after it). Each test drives one brand into a closure,
 * reads its timeline merged from the five services' audit trails, parks an account on the orchestrator's
 * consumer with a poison record and releases it from the page. Screenshots in {@code target/screenshots/}.
 */
@ExtendWith(RunningSystem.Extension.class)
class OpsConsoleTest {

    static final Set<String> FIVE = Set.of(ORCHESTRATOR, CONTRACTS, PAYOUTS, FUNDING, CATALOG);
    static final Duration PATIENCE = Events.PATIENCE;

    private final RunningSystem system = RunningSystem.get();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait waiting;

    @BeforeAll
    static void chromiumInstalled() {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missing());
    }

    @BeforeEach
    void open() throws IOException {
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

    @Test
    void jwt_an_operator_follows_a_closure_across_five_services_and_releases_a_parked_account() throws Exception {
        assertThat(system.security()).isEqualTo(RunningSystem.Security.JWT);
        var brand = new Brand(system, "console");
        String ops = TestTokens.ops("ops-olga");
        journeyToClosure(brand);

        openConsole();
        browser.findElement(By.id("token")).sendKeys(ops.substring("Bearer ".length()));
        browser.findElement(By.id("use-token")).click();
        timelineHasAllFiveServicesInTimeOrder(brand.account);
        parkAndReleaseFromThePage(ops, "jwt");

        // On to the deactivation: the services' fences appear on the timeline.
        brand.meetPreconditions(false);
        system.clocks.advance(Duration.ofDays(2));
        long version = brand.awaitClosure("ClosureRequested").get("version").asLong();
        assertThat(brand.approveClosure(TestTokens.support("support-bob"), version).status()).isEqualTo(200);
        system.events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");
        await("contracts, funding and catalog fenced the account").atMost(PATIENCE).until(() ->
                system.http.get(system.url(ORCHESTRATOR, "/api/v1/console/accounts/" + brand.account + "/timeline"), ops)
                        .ok().path("timeline").path("fences").valueStream().filter(f -> !f.path("at").isNull()).count() == 4);
        browser.findElement(By.id("tab-timeline")).click();
        browser.findElement(By.id("show-timeline")).click();
        waiting.until(d -> !d.findElements(By.cssSelector("#timeline-fences .fence[data-service='" + CATALOG
                + "'][data-fenced='true']")).isEmpty());
        for (String fenced : List.of(ORCHESTRATOR, CONTRACTS, FUNDING, CATALOG)) {
            assertThat(browser.findElement(By.cssSelector("#timeline-fences .fence[data-service='" + fenced + "']"))
                    .getAttribute("data-fenced")).as(fenced).isEqualTo("true");
        }
        // payouts-service rejects late actions without storing a fence event: the page says it has none.
        assertThat(browser.findElement(By.cssSelector("#timeline-fences .fence[data-service='" + PAYOUTS + "']"))
                .getText()).contains("no fence event");
        assertThat(browser.findElement(By.cssSelector("#timeline-closure .closure-state")).getText())
                .isEqualTo("AwaitingFinalSettlement");
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tr.entry"));
        assertThat(rows.stream().map(r -> Instant.parse(r.getAttribute("data-at"))).toList()).isSorted();
        assertThat(rows.stream().map(r -> r.getAttribute("data-type")).toList())
                .contains("AccountDeactivated", "AccountFenced", "DeactivationRecorded");
        chromium.screenshot("console-timeline-jwt-deactivated.png");

        // A service that is down is shown as unavailable; the rest of the page (and the timeline) still answers.
        system.stop(CATALOG);
        try {
            openSystemView();
            WebElement catalog = serviceCard(CATALOG);
            assertThat(catalog.getAttribute("data-available")).isEqualTo("false");
            assertThat(catalog.getText()).contains("unavailable");
            for (String up : List.of(ORCHESTRATOR, CONTRACTS, PAYOUTS, FUNDING)) {
                assertThat(serviceCard(up).getAttribute("data-available")).as(up).isEqualTo("true");
            }
            chromium.screenshot("console-system-catalog-down.png");
            var timeline = system.http.get(system.url(ORCHESTRATOR, "/api/v1/console/accounts/" + brand.account
                    + "/timeline"), ops);
            assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
            var catalogSource = timeline.json().path("timeline").path("sources").valueStream()
                    .filter(s -> CATALOG.equals(s.path("service").asString())).findFirst().orElseThrow();
            assertThat(catalogSource.path("available").asBoolean()).isFalse();
            assertThat(catalogSource.path("error").asString()).contains("unavailable");
        } finally {
            system.start(CATALOG);
        }
    }

    @Test
    void demo_the_same_console_signed_in_with_the_demo_identities() throws Exception {
        system.switchSecurity(RunningSystem.Security.DEMO);
        try {
            // The demo identities: acme-admin administers "acme" only; the console's user is ops.
            String service = Http.basic("service", "demo");
            var brand = new Brand(system, "acme", "acme-admin", Http.basic("acme-admin", "demo"), service);
            String ops = Http.basic("ops", "demo");
            // The demo users exist only in demo mode: a JWT is refused now.
            assertThat(system.http.get(system.url(ORCHESTRATOR, "/api/v1/console/services"),
                    TestTokens.ops("ops-olga")).status()).isEqualTo(401);
            journeyToClosure(brand);

            openConsole();
            browser.findElement(By.id("username")).sendKeys("ops");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.id("use-basic")).click();
            waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "signed in as ops"));
            timelineHasAllFiveServicesInTimeOrder(brand.account);
            parkAndReleaseFromThePage(ops, "demo");
        } finally {
            system.switchSecurity(RunningSystem.Security.JWT);
        }
    }

    // ---- the steps ------------------------------------------------------------------------------

    /** Contracts, catalogs, locking settings, funding and conversions, then the closure: all five services write. */
    private void journeyToClosure(Brand brand) {
        brand.seed(1);
        brand.depositByCard(10_000);
        var initiated = brand.initiateClosure();
        assertThat(initiated.get("state").asString()).isIn("Preparing", "ClosureRequested");
    }

    private void openConsole() {
        browser.get(system.url(ORCHESTRATOR, "/console"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    private void timelineHasAllFiveServicesInTimeOrder(String account) throws IOException {
        browser.findElement(By.id("tab-timeline")).click();
        var input = browser.findElement(By.id("timeline-account"));
        input.clear();
        input.sendKeys(account);
        browser.findElement(By.id("show-timeline")).click();
        waiting.until(d -> account.equals(d.findElement(By.id("view-timeline")).getAttribute("data-account")));

        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tr.entry"));
        Set<String> services = rows.stream().map(r -> r.getAttribute("data-service")).collect(Collectors.toSet());
        assertThat(services).as("services in the merged timeline").isEqualTo(FIVE);
        List<Instant> times = rows.stream().map(r -> Instant.parse(r.getAttribute("data-at"))).toList();
        assertThat(times).as("timeline in time order").isSorted();
        // Each service's own events are all there (the merged view loses nothing of a service's trail).
        for (String module : FIVE) {
            // The whole trail, page by page (the platform pages every list: at most 500, Link rel="next").
            long entries = 0;
            String page = system.url(module, "/api/v1/accounts/" + account + "/audit?limit=500");
            while (page != null) {
                var answer = system.http.get(page, system.ops("console-check"));
                entries += answer.ok().size();
                String next = com.brandclosure.testkit.PageLinks.next(answer.raw().headers().firstValue("Link").orElse(null));
                page = next == null ? null : system.url(module, next);
            }
            long shown = rows.stream().filter(r -> module.equals(r.getAttribute("data-service"))).count();
            assertThat(shown).as(module + " entries shown").isEqualTo(entries);
        }
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.getAttribute("data-type")).isEqualTo("ClosureInitiated");
            assertThat(r.getAttribute("data-service")).isEqualTo(ORCHESTRATOR);
            assertThat(r.findElement(By.cssSelector(".actor")).getText()).isNotBlank();
            assertThat(r.findElement(By.cssSelector(".payload")).getText()).contains("moving our partnerships elsewhere");
        });
        assertThat(browser.findElements(By.cssSelector("#timeline-sources .source-row[data-available='true']")))
                .hasSize(5);
        // What the closure waits on, since when; its drifts (the reconciler's; none here).
        assertThat(browser.findElement(By.cssSelector("#timeline-closure .waiting-on")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("#timeline-closure .closure-waiting")).getText()).contains("since ");
        assertThat(browser.findElement(By.cssSelector("#timeline-closure .drifts")).getText())
                .contains("no drift found by reconciliation");
        assertThat(browser.findElements(By.cssSelector("#timeline-fences .fence"))).hasSize(5);
        chromium.screenshot("console-timeline-" + system.security().name().toLowerCase() + ".png");
    }

    /**
     * A record of a fresh account that is not even an envelope arrives on catalog.events: the orchestrator's
     * consumer dead-letters it and parks the account, and the account's next (good) record waits. The page
     * lists it under the orchestrator; "Discard" drops the dead letter and applies the waiting record.
     */
    private void parkAndReleaseFromThePage(String ops, String mode) throws IOException {
        String account = "parked-" + UUID.randomUUID().toString().substring(0, 8);
        system.kafka.send(Topics.CATALOG, account, "this is not an envelope");
        var payload = Http.JSON.createObjectNode().put("accountId", account).put("asOf", Instant.now().toString());
        var good = new Envelope(UUID.randomUUID().toString(), "CatalogsDeleted", 1, account, Instant.now(),
                CATALOG, UUID.randomUUID().toString(), null, payload);
        await("parked with one record waiting").atMost(PATIENCE).until(() -> waiting(ops, account) == 0);
        system.kafka.send(Topics.CATALOG, account, Http.JSON.writeValueAsString(good));
        await("the good record waits behind the parked one").atMost(PATIENCE).until(() -> waiting(ops, account) == 1);

        openSystemView();
        for (String module : FIVE) {
            WebElement card = serviceCard(module);
            assertThat(card.getAttribute("data-available")).as(module).isEqualTo("true");
            assertThat(card.findElement(By.cssSelector(".readiness b")).getText()).as(module).isIn("UP", "DEGRADED");
            assertThat(card.findElement(By.cssSelector(".timer-lag b")).getText()).as(module).matches("\\d+");
            assertThat(card.findElement(By.cssSelector(".outbox-backlog b")).getText()).as(module).matches("\\d+");
        }
        By parkedRow = By.cssSelector(".service[data-service='" + ORCHESTRATOR + "'] tr.parked[data-account='" + account + "']");
        WebElement row = waiting.until(ExpectedConditions.presenceOfElementLocated(parkedRow));
        assertThat(row.getText()).contains("not a JSON envelope");
        assertThat(browser.findElements(By.cssSelector(".service[data-service='" + ORCHESTRATOR
                + "'] tr.dead-letter[data-key='" + account + "']"))).as("its dead letter, not replayed").hasSize(1);
        chromium.screenshot("console-system-" + mode + ".png");

        row.findElement(By.cssSelector(".release-discard")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "discard for " + account + " done"));
        waiting.until(ExpectedConditions.numberOfElementsToBe(parkedRow, 0));
        assertThat(waiting(ops, account)).as("no longer parked").isEqualTo(-1);
        // The waiting record was applied: the orchestrator recorded the account's CATALOGS_DELETED fact.
        await("the waiting record applied").atMost(PATIENCE).until(() -> system.http.get(system.url(ORCHESTRATOR,
                "/api/v1/accounts/" + account + "/audit"), ops).ok().valueStream()
                .anyMatch(e -> e.path("type").asString().equals("PreconditionMet")
                        && e.path("payload").asString().contains("CATALOGS_DELETED")));
        chromium.screenshot("console-system-" + mode + "-released.png");
    }

    /** The account's waiting records on the orchestrator's consumers, -1 when it is not parked. */
    private long waiting(String ops, String account) {
        var parked = system.http.get(system.url(ORCHESTRATOR, "/actuator/parked"), ops).ok();
        return parked.path("accounts").valueStream().filter(p -> account.equals(p.path("accountId").asString()))
                .mapToLong(p -> p.path("waitingRecords").asLong()).findFirst().orElse(-1);
    }

    /** Shows the system view freshly loaded: the tab loads it (once; a load already running is awaited instead). */
    private void openSystemView() {
        String before = browser.findElement(By.id("services")).getAttribute("data-updated");
        browser.findElement(By.id("tab-system")).click();
        waiting.until(d -> {
            String now = d.findElement(By.id("services")).getAttribute("data-updated");
            return now != null && !now.equals(before);
        });
    }

    private WebElement serviceCard(String module) {
        return browser.findElement(By.cssSelector("#services .service[data-service='" + module + "']"));
    }
}
