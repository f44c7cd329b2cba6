package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.brandclosure.systemtests.RunningSystem.CATALOG;
import static com.brandclosure.systemtests.RunningSystem.CONTRACTS;
import static com.brandclosure.systemtests.RunningSystem.FUNDING;
import static com.brandclosure.systemtests.RunningSystem.ORCHESTRATOR;
import static com.brandclosure.systemtests.RunningSystem.PAYOUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One brand account driven through the public APIs, as its admin, support, the bank and the tracking
 * systems would. Every test makes its own (fresh account id), so tests sharing the running services
 * never see each other's data.
 */
final class Brand {

    static final String CURRENCY = "EUR";
    /**
     * Payment 10 days after the end of the lock month: the costs clear 10 to 41 days after locking,
     * never on the lock date itself (with 0 days and a lock date on a month's last day they would
     * clear as they lock, and "the refund waits for the last payments" could not be seen).
     */
    static final int PAYMENT_SCHEDULING_DAYS = 10;
    /** Far enough past any lock date of a test for every clearing date to have come. */
    static final java.time.Duration UNTIL_CLEARED = java.time.Duration.ofDays(45);

    final RunningSystem system;
    final Http http;
    final Events events;
    final String account;
    final String adminName;
    final String admin;
    /** The bank's and billing's callbacks are internal callers. */
    final String service;

    final List<String> contractIds = new ArrayList<>();
    final Map<String, String> partnerOfContract = new LinkedHashMap<>();
    final List<String> catalogIds = new ArrayList<>();
    /** When the first conversions happened: later late reports fall inside the contracts' terms at this time. */
    Instant firstEventAt;
    /** Set by tests that fund the account by ACH. */
    String achDepositId;

    Brand(RunningSystem system, String name) {
        this(system, name + "-" + UUID.randomUUID().toString().substring(0, 8), null, null,
                TestTokens.service("bank-callbacks"));
    }

    /**
     * A brand whose admin and internal callers sign in as given (e.g. the demo identities' Basic
     * credentials: {@code acme-admin} may act only on {@code acme}); null admin: a JWT for a new admin.
     */
    Brand(RunningSystem system, String account, String adminName, String adminAuthorization, String serviceAuthorization) {
        this.system = system;
        this.http = system.http;
        this.events = system.events;
        this.account = account;
        this.adminName = adminName != null ? adminName : "admin-of-" + account;
        this.admin = adminAuthorization != null ? adminAuthorization : TestTokens.brandAdmin(this.adminName, account);
        this.service = serviceAuthorization;
    }

    private String api(String module, String path) {
        return system.url(module, "/api/v1/accounts/" + account + path);
    }

    // ------------------------------------------------------------------ contracts

    void configureContracts() {
        http.put(api(CONTRACTS, "/settings"), admin, Map.of("timeZone", "UTC")).ok();
    }

    String createContract(String partnerId) {
        var created = http.post(api(CONTRACTS, "/contracts"), admin,
                Map.of("partnerId", partnerId, "landingUrl", "https://shop.example/" + partnerId)).ok();
        String id = created.get("contractId").asString();
        contractIds.add(id);
        partnerOfContract.put(id, partnerId);
        return id;
    }

    Http.Response tryCreateContract(String partnerId) {
        return http.post(api(CONTRACTS, "/contracts"), admin,
                Map.of("partnerId", partnerId, "landingUrl", "https://shop.example/" + partnerId));
    }

    String proposeSwitch(String contractId) {
        return http.post(api(CONTRACTS, "/contracts/" + contractId + "/proposals"), admin,
                Map.of("terms", "12% instead of 10%")).ok().get("switchId").asString();
    }

    JsonNode contract(String contractId) {
        return http.get(api(CONTRACTS, "/contracts/" + contractId), admin).ok();
    }

    String createLink(String contractId) {
        return http.post(api(CONTRACTS, "/contracts/" + contractId + "/links"), admin, Map.of()).ok()
                .get("linkId").asString();
    }

    /** A shopper's click: anonymous, no token. */
    Http.Response click(String linkId) {
        return http.get(system.url(CONTRACTS, "/t/" + linkId), null);
    }

    /** Today for contracts-service in the account's zone (UTC): expiries are whole days. */
    LocalDate contractsToday() {
        return LocalDate.ofInstant(system.clocks.now(CONTRACTS), ZoneOffset.UTC);
    }

    Http.Response expireAllContracts(boolean acknowledge) {
        var body = new LinkedHashMap<String, Object>();
        body.put("expireOn", contractsToday().toString());
        body.put("withdrawSwitches", true);
        body.put("comment", "We are closing our brand account; thank you for the partnership.");
        body.put("acknowledgeIrreversible", acknowledge);
        return http.post(api(CONTRACTS, "/contract-expiries"), admin, body);
    }

    /** Waits until payouts-service has applied every ContractActivated of this brand (terms for its conversions). */
    void awaitPayoutsKnowsContracts() {
        var activated = events.awaitCount(Topics.CONTRACTS, account, "ContractActivated", contractIds.size());
        events.awaitConsumed("payouts-contracts", activated.getLast());
    }

    // ------------------------------------------------------------------ payouts

    void lockingSettings(int lockDays) {
        http.put(api(PAYOUTS, "/locking-settings"), admin, Map.of("lockMonths", 0, "lockDays", lockDays,
                "referencePeriod", "DAY", "paymentSchedulingDays", PAYMENT_SCHEDULING_DAYS, "zone", "UTC", "currency", CURRENCY)).ok();
    }

    Instant payoutsNow() {
        return system.clocks.now(PAYOUTS);
    }

    /** A conversion published by a tracking system on the ingest topic. */
    void track(String actionId, String partnerId, Instant eventAt, Instant reportedAt, long costMinor) {
        events.trackConversion(account, actionId, partnerId, eventAt, reportedAt, costMinor, CURRENCY);
    }

    Http.Response action(String actionId) {
        return http.get(api(PAYOUTS, "/actions/" + actionId), admin);
    }

    /** Waits until the action is in {@code state} and returns that answer (not a second read, which may meet a fault). */
    JsonNode awaitActionState(String actionId, String state) {
        var seen = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        // A read may meet a fault (an instance killed, the database restarting): it is asked again.
        await(actionId + " " + state).atMost(Events.PATIENCE).ignoreExceptions().until(() -> {
            var r = action(actionId);
            if (r.status() == 200 && state.equals(r.json().path("state").asString())) {
                seen.set(r.json());
                return true;
            }
            return false;
        });
        return seen.get();
    }

    JsonNode approve(String actionId) {
        return http.post(api(PAYOUTS, "/actions/" + actionId + "/approve"), admin, null).ok();
    }

    JsonNode reverse(String actionId, String reason) {
        return http.post(api(PAYOUTS, "/actions/" + actionId + "/reverse"), admin, Map.of("reason", reason)).ok();
    }

    // ------------------------------------------------------------------ funding

    void openFunding() {
        http.put(api(FUNDING, "/funding"), admin, Map.of("currency", CURRENCY)).ok();
    }

    String deposit(String method, long amountMinor) {
        return http.post(api(FUNDING, "/funding/deposits"), admin,
                Map.of("method", method, "amountMinor", amountMinor, "currency", CURRENCY)).ok().get("id").asString();
    }

    /** A card deposit: the brand admin's request, then the card processor's confirmation (at once), which credits it. */
    String depositByCard(long amountMinor) {
        String id = deposit("CARD", amountMinor);
        clearDeposit(id);
        return id;
    }

    JsonNode clearDeposit(String depositId) {
        return http.post(api(FUNDING, "/funding/deposits/" + depositId + "/clear"), service, null).ok();
    }

    JsonNode failDeposit(String depositId, String reason) {
        return http.post(api(FUNDING, "/funding/deposits/" + depositId + "/fail"), service,
                Map.of("reason", reason)).ok();
    }

    JsonNode funding() {
        return http.get(api(FUNDING, "/funding"), admin).ok();
    }

    Http.Response authorizeRefund() {
        return http.post(api(FUNDING, "/funding/refund-authorizations"), admin, null);
    }

    // ------------------------------------------------------------------ catalogs

    String createCatalog(String name) {
        String id = http.post(api(CATALOG, "/catalogs"), admin, Map.of("name", name)).ok().get("catalogId").asString();
        catalogIds.add(id);
        return id;
    }

    Http.Response tryCreateCatalog(String name) {
        return http.post(api(CATALOG, "/catalogs"), admin, Map.of("name", name));
    }

    void deleteCatalog(String catalogId) {
        http.delete(api(CATALOG, "/catalogs/" + catalogId), admin).ok();
    }

    // ------------------------------------------------------------------ closure

    JsonNode initiateClosure() {
        return http.post(api(ORCHESTRATOR, "/closure"), admin,
                Map.of("reason", "We are moving our partnerships elsewhere")).ok();
    }

    JsonNode closure() {
        return http.get(api(ORCHESTRATOR, "/closure"), admin).ok();
    }

    Http.Response cancelClosure(String reason) {
        return http.post(api(ORCHESTRATOR, "/closure/cancel"), admin, Map.of("reason", reason));
    }

    /** After a rejected review: the brand admin asks for a new one (fresh state reports). */
    Http.Response requestReview() {
        return http.post(api(ORCHESTRATOR, "/closure/review-request"), admin, null);
    }

    Http.Response approveClosure(String supportToken, long version) {
        return approveClosure(supportToken, version, null);
    }

    /** The approval, sent inside the caller's trace when {@code traceparent} is given (README "Traces"). */
    Http.Response approveClosure(String supportToken, long version, String traceparent) {
        return http.post(system.url(ORCHESTRATOR, "/api/v1/closures/" + account + "/approve"), supportToken,
                Map.of("version", version), traceparent == null ? Map.of() : Map.of("traceparent", traceparent));
    }

    Http.Response rejectClosure(String supportToken, List<String> reasons) {
        return http.post(system.url(ORCHESTRATOR, "/api/v1/closures/" + account + "/reject"), supportToken,
                Map.of("reasons", reasons));
    }

    /** Waits until the saga is in {@code state}; fails early naming what it waits on otherwise. */
    JsonNode awaitClosure(String state) {
        var seen = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await(account + " closure " + state).atMost(Events.PATIENCE).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().untilAsserted(() -> {
                    var closure = closure();
                    assertThat(closure.path("state").asString()).as("closure of %s: %s", account, closure).isEqualTo(state);
                    seen.set(closure);
                });
        return seen.get();
    }

    // ------------------------------------------------------------------ composed steps

    /**
     * The brand as the help page starts it: two partner contracts (one with a switch proposed and a
     * tracking link), two catalogs, a funding account, locking settings ({@code lockDays} after the
     * event day, clearing 10 days after the end of the lock month), and three conversions tracked on the ingest
     * topic: 1,000 + 2,000 + 500 cents.
     */
    void seed(int lockDays) {
        configureContracts();
        String c1 = createContract("partner-a");
        createContract("partner-b");
        proposeSwitch(c1);
        createCatalog("Spring collection");
        createCatalog("Outlet");
        lockingSettings(lockDays);
        openFunding();
        awaitPayoutsKnowsContracts();
        firstEventAt = payoutsNow();
        track("ord-1", "partner-a", firstEventAt, firstEventAt, 1_000);
        track("ord-2", "partner-b", firstEventAt, firstEventAt, 2_000);
        track("ord-3", "partner-a", firstEventAt, firstEventAt, 500);
        for (String id : List.of("ord-1", "ord-2", "ord-3")) {
            awaitActionState(id, "PENDING");
        }
    }

    /**
     * Everything the brand does to meet the four preconditions: approve ord-1 and ord-2 (3,000 cents
     * of partner costs), reverse ord-3, deposit 10,000 cents by card, delete both catalogs, expire all
     * contracts today with switches withdrawn. Contracts expire at 23:59:59 today, so
     * ContractsExpired needs the clocks moved past midnight.
     */
    void meetPreconditions() {
        meetPreconditions(true);
    }

    /** @param cardDeposit whether to deposit the 10,000 by card here (a test may have funded the account otherwise) */
    void meetPreconditions(boolean cardDeposit) {
        approve("ord-1");
        approve("ord-2");
        reverse("ord-3", "duplicate order");
        if (cardDeposit) {
            depositByCard(10_000);
        }
        for (String id : List.copyOf(catalogIds)) {
            deleteCatalog(id);
        }
        var expiry = expireAllContracts(true).ok();
        assertThat(expiry.get("scheduled").asInt()).as(expiry.toString()).isEqualTo(contractIds.size());
        assertThat(expiry.get("switchesWithdrawn").asInt()).as(expiry.toString()).isEqualTo(1);
    }
}
