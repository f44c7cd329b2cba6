package com.brandclosure.contracts.web;

import com.brandclosure.contracts.application.ContractsService;
import com.brandclosure.contracts.application.Idempotency;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
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
import java.util.function.Supplier;

/**
 * The contracts API under {@code /api/v1/accounts/{accountId}}. Every POST honours an
 * {@code Idempotency-Key} header (see {@link Idempotency}); a replayed answer carries
 * {@code Idempotent-Replayed: true}.
 * <p>
 * Who may call: writes BRAND_ADMIN (own accounts only), SUPPORT, SERVICE; reads also OPS. The
 * actor recorded in the events is the authenticated caller. The tenant check (another brand's
 * account is 404) is made by {@link ContractsService} and {@link Idempotency}, where each command
 * or query is handled. Path variables are checked here so a malformed id answers 400 with a field error.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
public class ContractsController {

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";

    private final ContractsService contracts;
    private final Idempotency idempotency;
    private final CommandContexts contexts;
    private final JsonMapper json;

    public ContractsController(ContractsService contracts, Idempotency idempotency, CommandContexts contexts,
                               JsonMapper json) {
        this.contracts = contracts;
        this.idempotency = idempotency;
        this.contexts = contexts;
        this.json = json;
    }

    /** Time zone used for expiry dates (default UTC until set). Registers the account if new. */
    @PutMapping("/settings")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    Responses.Settings configure(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @Valid @RequestBody Requests.AccountSettings body,
                                 @RequestHeader HttpHeaders headers) {
        return Responses.Settings.of(contracts.configure(CurrentActor.get(), AccountId.of(accountId), body.timeZone(),
                context(headers)));
    }

    @GetMapping("/settings")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.Settings settings(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId) {
        return Responses.Settings.of(contracts.settings(CurrentActor.get(), AccountId.of(accountId)));
    }

    @PostMapping("/contracts")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> create(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @Valid @RequestBody Requests.CreateContract body,
                                  @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        return idempotent(account, headers, "create-contract", body, () -> {
            var state = contracts.createContract(CurrentActor.get(), account,
                    new ContractsService.NewContract(body.partnerId(), body.landingUrl()), context(headers));
            var response = Responses.Contract.of(state);
            return answer(HttpStatus.CREATED, response,
                    "/api/v1/accounts/" + accountId + "/contracts/" + response.contractId());
        });
    }

    @GetMapping("/contracts")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.ContractPage list(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId,
                                @RequestParam(required = false) ContractView.Status status,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var result = contracts.list(CurrentActor.get(), AccountId.of(accountId), status, page, size);
        return new Responses.ContractPage(result.items().stream().map(Responses.ContractListItem::of).toList(), page,
                size, result.total());
    }

    @GetMapping("/contracts/{contractId}")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Responses.Contract get(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId) {
        return Responses.Contract.of(contracts.contract(CurrentActor.get(), AccountId.of(accountId), contractId));
    }

    @PostMapping("/contracts/{contractId}/proposals")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> propose(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                   @Valid @RequestBody Requests.ProposeSwitch body, @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        return idempotent(account, headers, "propose:" + contractId, body, () -> {
            String switchId = contracts.proposeSwitch(CurrentActor.get(), account, contractId, body.terms(), context(headers));
            return answer(HttpStatus.CREATED, new Responses.SwitchCreated(contractId, switchId, "PROPOSAL"), null);
        });
    }

    @PostMapping("/contracts/{contractId}/switches")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> schedule(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                    @Valid @RequestBody Requests.ScheduleSwitch body, @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        return idempotent(account, headers, "schedule:" + contractId, body, () -> {
            String switchId = contracts.scheduleSwitch(CurrentActor.get(), account, contractId, body.terms(), body.effectiveOn(),
                    context(headers));
            return answer(HttpStatus.CREATED, new Responses.SwitchCreated(contractId, switchId, "SCHEDULED"), null);
        });
    }

    /** Withdraws a pending proposal or scheduled switch. */
    @PostMapping("/contracts/{contractId}/switches/{switchId}/withdrawal")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> withdraw(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                    @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String switchId, @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        return idempotent(account, headers, "withdraw:" + contractId + ":" + switchId, "", () -> {
            contracts.withdrawSwitch(CurrentActor.get(), account, contractId, switchId, context(headers));
            return answer(HttpStatus.OK, new Responses.SwitchWithdrawn(contractId, switchId), null);
        });
    }

    /** Bulk expiry: every contract of the account, or of the listed partners. Irreversible, so it must be acknowledged. */
    @PostMapping("/contract-expiries")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> expire(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @Valid @RequestBody Requests.ExpireContracts body,
                                  @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        return idempotent(account, headers, "expire", body, () -> {
            var result = contracts.expireContracts(CurrentActor.get(), account, new ContractsService.BulkExpiry(body.partnerIds(),
                    body.expireOn(), Boolean.TRUE.equals(body.withdrawSwitches()), body.comment(),
                    body.acknowledgeIrreversible()), context(headers));
            return answer(HttpStatus.OK, new Responses.ExpiryResult(result.expiresAt(), result.expired(),
                    result.scheduled(), result.switchesWithdrawn()), null);
        });
    }

    @PostMapping("/contracts/{contractId}/links")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<String> createLink(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String accountId, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
                                      @Valid @RequestBody(required = false) Requests.CreateLink body,
                                      @RequestHeader HttpHeaders headers) {
        AccountId account = AccountId.of(accountId);
        String landingUrl = body == null ? null : body.landingUrl();
        return idempotent(account, headers, "link:" + contractId, body == null ? "" : body, () -> {
            String linkId = contracts.createLink(CurrentActor.get(), account, contractId, landingUrl, context(headers));
            return answer(HttpStatus.CREATED, new Responses.Link(linkId, contractId, "/t/" + linkId), "/t/" + linkId);
        });
    }

    // ---- helpers ----

    /** The actor of the command is the authenticated caller; the correlation id may come with the request. */
    private CommandContext context(HttpHeaders headers) {
        return contexts.forActor(CurrentActor.get().name(), headers.getFirst("X-Correlation-Id"));
    }

    private Idempotency.Answer answer(HttpStatus status, Object body, String location) {
        return new Idempotency.Answer(status.value(), json.writeValueAsString(body), location, false);
    }

    private ResponseEntity<String> idempotent(AccountId account, HttpHeaders headers, String operation, Object body,
                                              Supplier<Idempotency.Answer> effect) {
        String fingerprint = sha256(operation + "\n" + json.writeValueAsString(body));
        Actor actor = CurrentActor.get();
        Idempotency.Answer a = idempotency.run(actor, account, headers.getFirst("Idempotency-Key"), fingerprint, effect);
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
