package com.brandclosure.localstack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run.sh --demo}: the brand "acme" closes its account, every step over the services' public
 * HTTP APIs with the demo identities, printed as it happens. The steps and calls are the ones in
 * docs/journey.md. Lock and clearing dates come due by advancing the five services' adjustable clocks.
 * <p>
 * The local data outlives the run, and a closed account stays closed: on a stack where acme has
 * already been walked through, the demo says so and leaves it (reset with {@code rm -rf .local-stack}).
 */
public final class ClosureDemo implements DemoJourney {

    static final String ACCOUNT = "acme";
    private static final String PASSWORD = "demo";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private StackEndpoints stack;
    private PrintStream out;
    private int step;

    @Override
    public String name() {
        return "acme closes its brand account (contracts, payouts, funding, catalogs, lock date, review, refund)";
    }

    @Override
    public void run(StackEndpoints stack, PrintStream out) throws Exception {
        this.stack = stack;
        this.out = out;
        var existing = call("GET", "closure-orchestrator", "/api/v1/accounts/acme/closure", "ops", null);
        if (existing.status() == 200 && !field(existing.body(), "state").equals("NotInitiated")) {
            throw new NotRun("acme has a closure already (" + field(existing.body(), "state") + "): the demo runs on a "
                    + "fresh stack. Stop it, rm -rf .local-stack, and ./run.sh --demo again.");
        }

        say("acme sets its time zone and creates two partner contracts");
        ok(call("PUT", "contracts-service", "/api/v1/accounts/acme/settings", "acme-admin", "{\"timeZone\":\"UTC\"}"));
        String c1 = field(ok(call("POST", "contracts-service", "/api/v1/accounts/acme/contracts", "acme-admin",
                "{\"partnerId\":\"blogger-anna\",\"landingUrl\":\"https://acme.example/spring\"}")), "contractId");
        String c2 = field(ok(call("POST", "contracts-service", "/api/v1/accounts/acme/contracts", "acme-admin",
                "{\"partnerId\":\"coupons-inc\",\"landingUrl\":\"https://acme.example/deals\"}")), "contractId");
        detail("contracts " + c1 + " (blogger-anna), " + c2 + " (coupons-inc)");
        ok(call("POST", "contracts-service", "/api/v1/accounts/acme/contracts/" + c1 + "/proposals", "acme-admin",
                "{\"terms\":\"12% commission instead of 10%\"}"));
        String link = field(ok(call("POST", "contracts-service", "/api/v1/accounts/acme/contracts/" + c1 + "/links",
                "acme-admin", "{}")), "linkId");
        var click = call("GET", "contracts-service", "/t/" + link, null, null);
        detail("switch proposed to blogger-anna; tracking link /t/" + link + " answers " + click.status());

        say("acme's locking settings: lock 1 day after the event day, pay at the end of the lock month; EUR");
        ok(call("PUT", "payouts-service", "/api/v1/accounts/acme/locking-settings", "acme-admin",
                "{\"lockMonths\":0,\"lockDays\":1,\"referencePeriod\":\"DAY\",\"paymentSchedulingDays\":0,"
                        + "\"zone\":\"UTC\",\"currency\":\"EUR\"}"));
        ok(call("PUT", "funding-service", "/api/v1/accounts/acme/funding", "acme-admin", "{\"currency\":\"EUR\"}"));

        say("acme creates two product catalogs");
        String cat1 = field(ok(call("POST", "catalog-service", "/api/v1/accounts/acme/catalogs", "acme-admin",
                "{\"name\":\"Spring collection\"}")), "catalogId");
        String cat2 = field(ok(call("POST", "catalog-service", "/api/v1/accounts/acme/catalogs", "acme-admin",
                "{\"name\":\"Outlet\"}")), "catalogId");

        say("the tracking system reports three conversions (12.50, 20.00 and 5.00 EUR)");
        String a1 = track("order-1001", "blogger-anna", 1250);
        String a2 = track("order-1002", "coupons-inc", 2000);
        String a3 = track("order-1003", "blogger-anna", 500);
        closureState();

        say("acme initiates the closure; the saga waits for four preconditions and the last lock date");
        ok(call("POST", "closure-orchestrator", "/api/v1/accounts/acme/closure", "acme-admin",
                "{\"reason\":\"acme is moving its partnerships elsewhere\"}"));
        closureState();

        say("acme approves " + a1 + " and " + a2 + " and reverses " + a3 + " (a duplicate)");
        ok(call("POST", "payouts-service", "/api/v1/accounts/acme/actions/" + a1 + "/approve", "acme-admin", null));
        ok(call("POST", "payouts-service", "/api/v1/accounts/acme/actions/" + a2 + "/approve", "acme-admin", null));
        ok(call("POST", "payouts-service", "/api/v1/accounts/acme/actions/" + a3 + "/reverse", "acme-admin",
                "{\"reason\":\"duplicate order\"}"));
        var funding = await("Required Funding includes the approved costs", "funding-service",
                "/api/v1/accounts/acme/funding", "acme-admin", b -> number(b, "pendingPartnerCostsMinor") == 3250);
        detail("Required Funding " + eur(number(funding, "requiredFundingMinor")) + ", balance "
                + eur(number(funding, "balanceMinor")));

        say("acme asks to deposit 100.00 EUR by card to cover Required Funding; the card processor confirms it");
        String deposit = field(ok(call("POST", "funding-service", "/api/v1/accounts/acme/funding/deposits",
                "acme-admin", "{\"method\":\"CARD\",\"amountMinor\":10000,\"currency\":\"EUR\"}")), "id");
        // The request is only the intent: the deposit counts once the payment side (a SERVICE identity) confirms it.
        ok(call("POST", "funding-service", "/api/v1/accounts/acme/funding/deposits/" + deposit + "/clear", "service",
                null));

        say("acme deletes every catalog");
        ok(call("DELETE", "catalog-service", "/api/v1/accounts/acme/catalogs/" + cat1, "acme-admin", null));
        ok(call("DELETE", "catalog-service", "/api/v1/accounts/acme/catalogs/" + cat2, "acme-admin", null));

        say("acme expires all contracts today, withdrawing switches, with a comment, acknowledging it is irreversible");
        var expiry = ok(call("POST", "contracts-service", "/api/v1/accounts/acme/contract-expiries", "acme-admin",
                "{\"expireOn\":\"" + today() + "\",\"withdrawSwitches\":true,\"comment\":\"acme is closing its account;"
                        + " thank you for the partnership\",\"acknowledgeIrreversible\":true}"));
        detail("expire at " + field(expiry, "expiresAt") + "; switches withdrawn: " + field(expiry, "switchesWithdrawn"));
        closureState();

        say("two days pass (every service's clock is advanced): contracts expire, the lock date passes");
        advanceClocks("P2D");
        var requested = await("the closure is requested", "closure-orchestrator", "/api/v1/accounts/acme/closure",
                "acme-admin", b -> field(b, "state").equals("ClosureRequested"));
        detail("ClosureRequested, support ticket " + field(requested, "ticketId") + ", evidence version "
                + field(requested, "version"));

        say("support-alice reviews the evidence and approves (version " + field(requested, "version") + ")");
        ok(call("POST", "closure-orchestrator", "/api/v1/closures/acme/approve", "support-alice",
                "{\"version\":" + field(requested, "version") + "}"));
        var deactivated = await("the account is deactivated", "closure-orchestrator", "/api/v1/accounts/acme/closure",
                "acme-admin", b -> field(b, "state").equals("AwaitingFinalSettlement"));
        detail("AccountDeactivated, closure date " + field(deactivated, "closureDate"));

        say("after deactivation: links expire, new contracts and catalogs are refused, late actions rejected");
        await("contracts-service applied the deactivation", "contracts-service", "/api/v1/accounts/acme/settings",
                "acme-admin", b -> !field(b, "deactivatedOn").isEmpty());
        detail("tracking link /t/" + link + " answers " + call("GET", "contracts-service", "/t/" + link, null, null).status());
        detail("a new contract answers " + call("POST", "contracts-service", "/api/v1/accounts/acme/contracts",
                "acme-admin", "{\"partnerId\":\"late-partner\",\"landingUrl\":\"https://acme.example/\"}").status());
        detail("a new catalog answers " + awaitStatus(409, "POST", "catalog-service", "/api/v1/accounts/acme/catalogs",
                "acme-admin", "{\"name\":\"Too late\"}"));
        var late = ok(call("POST", "payouts-service", "/api/v1/accounts/acme/actions", "service",
                trackBody("order-1004", "blogger-anna", 900, Instant.parse(field(ok(call("GET", "payouts-service",
                        "/local/clock", "ops", null)), "now")))));
        detail("a late conversion order-1004 is " + field(late, "state") + " (" + field(late, "reason") + ")");

        say("35 days pass: the approved partner payments clear");
        advanceClocks("P35D");
        funding = await("the last payments cleared", "funding-service", "/api/v1/accounts/acme/funding", "acme-admin",
                b -> number(b, "pendingPartnerCostsMinor") == 0 && number(b, "balanceMinor") == 10000 - 3250);
        detail("balance " + eur(number(funding, "balanceMinor")));

        say("acme authorizes the refund of the remaining balance");
        var refund = ok(call("POST", "funding-service", "/api/v1/accounts/acme/funding/refund-authorizations",
                "acme-admin", null));
        detail("refund " + field(refund, "id") + " issued");
        await("the account is closed", "closure-orchestrator", "/api/v1/accounts/acme/closure", "acme-admin",
                b -> field(b, "state").equals("AccountClosed"));
        say("AccountClosed. The audit trail: curl -u support-alice:demo localhost:8080/api/v1/accounts/acme/audit");
    }

    // ------------------------------------------------------------------ steps

    /** Returns the action id the conversion was tracked under (see below). */
    private String track(String actionId, String partnerId, long costMinor) throws Exception {
        Instant now = Instant.parse(field(ok(call("GET", "payouts-service", "/local/clock", "ops", null)), "now"));
        // payouts-service learns the contracts from Kafka: a conversion that arrives before that is
        // rejected as outside the terms. Then it is reported again under a new id, until accepted.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 0; ; attempt++) {
            String id = attempt == 0 ? actionId : actionId + "-r" + attempt;
            var body = ok(call("POST", "payouts-service", "/api/v1/accounts/acme/actions", "service",
                    trackBody(id, partnerId, costMinor, now)));
            if (field(body, "state").equals("PENDING")) {
                detail(id + " " + eur(costMinor) + " for " + partnerId + ": PENDING");
                return id;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("conversion " + id + " was not accepted: " + body);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String trackBody(String id, String partnerId, long costMinor, Instant at) {
        return "{\"actionId\":\"" + id + "\",\"partnerId\":\"" + partnerId + "\",\"eventAt\":\"" + at
                + "\",\"costMinor\":" + costMinor + ",\"currency\":\"EUR\"}";
    }

    private void advanceClocks(String by) throws Exception {
        for (String module : List.of("closure-orchestrator", "contracts-service", "payouts-service", "funding-service",
                "catalog-service")) {
            // Every instance has its own clock (./run.sh --instances N): move them all.
            for (URI instance : stack.instancesOf(module)) {
                ok(call("POST", instance, "/local/clock/advance", "ops", "{\"by\":\"" + by + "\"}"));
            }
        }
        detail("clocks now at " + field(ok(call("GET", "contracts-service", "/local/clock", "ops", null)), "now"));
    }

    private LocalDate today() throws Exception {
        return LocalDate.ofInstant(Instant.parse(field(ok(call("GET", "contracts-service", "/local/clock", "ops", null)),
                "now")), ZoneOffset.UTC);
    }

    private void closureState() throws Exception {
        var r = call("GET", "closure-orchestrator", "/api/v1/accounts/acme/closure", "acme-admin", null);
        if (r.status() == 200) {
            detail("closure: " + field(r.body(), "state") + ", waiting on " + raw(r.body(), "waitingOn"));
        }
    }

    // ------------------------------------------------------------------ plumbing

    private void say(String what) {
        out.printf("%n[demo %2d] %s%n", ++step, what);
    }

    private void detail(String what) {
        out.println("          " + what);
    }

    private static String eur(long minor) {
        return String.format("%d.%02d EUR", minor / 100, minor % 100);
    }

    record Answer(String request, int status, String body) {
    }

    private Answer call(String method, String module, String path, String user, String json)
            throws IOException, InterruptedException {
        return call(method, stack.service(module), path, user, json);
    }

    private Answer call(String method, URI service, String path, String user, String json)
            throws IOException, InterruptedException {
        URI uri = URI.create(service + path);
        var b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            // Unsafe methods with HTTP Basic need X-Requested-By (the platform's guard against cross-site forms).
            b.header("X-Requested-By", "local-stack-demo");
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(method + " " + uri + (user == null ? "" : " as " + user), r.statusCode(), r.body());
    }

    private static String ok(Answer a) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(a.request() + " answered " + a.status() + ": " + a.body());
        }
        return a.body();
    }

    private String await(String what, String module, String path, String user, Predicate<String> done)
            throws Exception {
        detail("waiting: " + what + " ...");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            var a = call("GET", module, path, user, null);
            if (a.status() == 200 && done.test(a.body())) {
                return a.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting until " + what + "; last answer " + a.status() + " "
                        + a.body());
            }
            // Main code: a launcher's poll interval, not a test.
            Thread.sleep(POLL.toMillis());
        }
    }

    private int awaitStatus(int status, String method, String module, String path, String user, String json)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            var a = call(method, module, path, user, json);
            if (a.status() == status || System.nanoTime() > deadline) {
                return a.status();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A top-level scalar of a JSON object ("" when absent or null): enough for the few fields shown here. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|true|false|null)")
                .matcher(json);
        if (!m.find() || m.group(1).equals("null")) {
            return "";
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static long number(String json, String name) {
        String v = field(json, name);
        return v.isEmpty() ? -1 : Long.parseLong(v);
    }

    private static String raw(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\[[^\\]]*\\])").matcher(json);
        return m.find() ? m.group(1) : "[]";
    }
}
