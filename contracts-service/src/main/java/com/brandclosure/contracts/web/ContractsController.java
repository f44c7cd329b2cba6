package com.brandclosure.contracts.web;

import com.brandclosure.contracts.application.AccountSettings;
import com.brandclosure.contracts.application.BulkExpiry;
import com.brandclosure.contracts.application.ContractCommands;
import com.brandclosure.contracts.application.ContractQueries;
import com.brandclosure.contracts.application.Idempotency;
import com.brandclosure.contracts.application.TrackingLinks;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import com.brandclosure.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The contracts API under {@code /api/v1/accounts/{accountId}}. Every POST honours an
 * {@code Idempotency-Key} header (see {@link Idempotency}); a replayed answer carries
 * {@code Idempotent-Replayed: true}.
 * <p>
 * Who may call: writes BRAND_ADMIN (own accounts only), SUPPORT, SERVICE; reads also OPS. The
 * actor recorded in the events is the authenticated caller. Each endpoint makes one call to one use
 * case, which makes the tenant check (another brand's account is 404) and runs one unit of work; this
 * class only shapes requests and answers. Path variables are checked here so a malformed id answers
 * 400 with a field error.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
public class ContractsController {

    /** Contract and switch ids have the shape of account ids (the service makes them from UUIDs). */
    static final String ID = AccountId.PATTERN;
    static final String ID_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";

    private final AccountSettings settings;
    private final ContractCommands contracts;
    private final ContractQueries queries;
    private final BulkExpiry bulkExpiry;
    private final TrackingLinks links;
    private final CommandContexts contexts;
    private final JsonMapper json;

    public ContractsController(AccountSettings settings, ContractCommands contracts, ContractQueries queries,
                               BulkExpiry bulkExpiry, TrackingLinks links, CommandContexts contexts,
                               JsonMapper json) {
        this.settings = settings;
        this.contracts = contracts;
        this.queries = queries;
        this.bulkExpiry = bulkExpiry;
        this.links = links;
        this.contexts = contexts;
        this.json = json;
    }

    /** Time zone used for expiry dates (default UTC until set). Registers the account if new. */
    @PutMapping("/settings")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    Responses.Settings configure(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                 @Valid @RequestBody Requests.AccountSettings body, @RequestHeader HttpHeaders headers) {
        return Responses.Settings.of(settings.configure(CurrentActor.get(), AccountId.of(accountId), body.timeZone(),
                context(headers)));
    }

    @GetMapping("/settings")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.Settings settings(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId) {
        return Responses.Settings.of(settings.settings(CurrentActor.get(), AccountId.of(accountId)));
    }

    @PostMapping("/contracts")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> create(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                  @Valid @RequestBody Requests.CreateContract body, @RequestHeader HttpHeaders headers) {
        return send(contracts.create(CurrentActor.get(), AccountId.of(accountId),
                new ContractCommands.NewContract(body.partnerId(), body.landingUrl()),
                replayable(headers, "create-contract", body, state -> {
                    var response = Responses.Contract.of(state);
                    return answer(HttpStatus.CREATED, response,
                            "/api/v1/accounts/" + accountId + "/contracts/" + response.contractId());
                }), context(headers)));
    }

    @GetMapping("/contracts")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.ContractPage list(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                @RequestParam(required = false) ContractView.Status status,
                                @RequestParam(required = false) @Min(value = 1, message = Paging.LIMIT_REASON)
                                @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_REASON) Integer limit,
                                @RequestParam(required = false) String after) {
        Paging.Request page = Paging.request(limit, after, 2);
        var result = queries.list(CurrentActor.get(), AccountId.of(accountId), status, page);
        return new Responses.ContractPage(Paging.page(result.items(), page, ContractView::cursorOf).stream()
                .map(Responses.ContractListItem::of).toList(), result.total());
    }

    @GetMapping("/contracts/{contractId}")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.Contract get(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                           @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId) {
        return Responses.Contract.of(queries.contract(CurrentActor.get(), AccountId.of(accountId), contractId));
    }

    @PostMapping("/contracts/{contractId}/proposals")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> propose(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                   @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                   @Valid @RequestBody Requests.ProposeSwitch body, @RequestHeader HttpHeaders headers) {
        return send(contracts.proposeSwitch(CurrentActor.get(), AccountId.of(accountId), contractId, body.terms(),
                replayable(headers, "propose:" + contractId, body, switchId -> answer(HttpStatus.CREATED,
                        new Responses.SwitchCreated(contractId, switchId, "PROPOSAL"), null)), context(headers)));
    }

    @PostMapping("/contracts/{contractId}/switches")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> schedule(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                    @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                    @Valid @RequestBody Requests.ScheduleSwitch body, @RequestHeader HttpHeaders headers) {
        return send(contracts.scheduleSwitch(CurrentActor.get(), AccountId.of(accountId), contractId, body.terms(),
                body.effectiveOn(), replayable(headers, "schedule:" + contractId, body, switchId -> answer(
                        HttpStatus.CREATED, new Responses.SwitchCreated(contractId, switchId, "SCHEDULED"), null)),
                context(headers)));
    }

    /** Withdraws a pending proposal or scheduled switch. */
    @PostMapping("/contracts/{contractId}/switches/{switchId}/withdrawal")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> withdraw(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                    @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                    @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String switchId,
                                    @RequestHeader HttpHeaders headers) {
        return send(contracts.withdrawSwitch(CurrentActor.get(), AccountId.of(accountId), contractId, switchId,
                replayable(headers, "withdraw:" + contractId + ":" + switchId, "", id -> answer(HttpStatus.OK,
                        new Responses.SwitchWithdrawn(contractId, id), null)), context(headers)));
    }

    /** Bulk expiry: every contract of the account, or of the listed partners. Irreversible, so it must be acknowledged. */
    @PostMapping("/contract-expiries")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> expire(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                  @Valid @RequestBody Requests.ExpireContracts body, @RequestHeader HttpHeaders headers) {
        var request = new BulkExpiry.Request(body.partnerIds(), body.expireOn(),
                Boolean.TRUE.equals(body.withdrawSwitches()), body.comment(), body.acknowledgeIrreversible());
        return send(bulkExpiry.expire(CurrentActor.get(), AccountId.of(accountId), request,
                replayable(headers, "expire", body, result -> answer(HttpStatus.OK,
                        Responses.ExpiryResult.of(result), null)), context(headers)));
    }

    @PostMapping("/contracts/{contractId}/links")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> createLink(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ID_MESSAGE) String accountId,
                                      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                      @Valid @RequestBody(required = false) Requests.CreateLink body,
                                      @RequestHeader HttpHeaders headers) {
        String landingUrl = body == null ? null : body.landingUrl();
        return send(links.createLink(CurrentActor.get(), AccountId.of(accountId), contractId, landingUrl,
                replayable(headers, "link:" + contractId, body == null ? "" : body, linkId -> answer(
                        HttpStatus.CREATED, new Responses.Link(linkId, contractId, "/t/" + linkId), "/t/" + linkId)),
                context(headers)));
    }

    // ---- helpers ----

    /** The actor of the command is the authenticated caller; the correlation id may come with the request. */
    private CommandContext context(HttpHeaders headers) {
        return contexts.forActor(CurrentActor.get().name(), headers.getFirst("X-Correlation-Id"));
    }

    /** The request's key and fingerprint (operation + body), and how the use case's result is answered. */
    private <R> Idempotency.Replayable<R> replayable(HttpHeaders headers, String operation, Object body,
                                                     Function<R, Idempotency.Answer> answer) {
        return new Idempotency.Replayable<>(headers.getFirst("Idempotency-Key"),
                sha256(operation + "\n" + json.writeValueAsString(body)), answer);
    }

    private Idempotency.Answer answer(HttpStatus status, Object body, String location) {
        return new Idempotency.Answer(status.value(), json.writeValueAsString(body), location, false);
    }

    private static ResponseEntity<String> send(Idempotency.Answer a) {
        var builder = ResponseEntity.status(a.status()).contentType(MediaType.APPLICATION_JSON);
        if (a.location() != null) {
            builder.header(HttpHeaders.LOCATION, a.location());
        }
        if (a.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(a.body());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
