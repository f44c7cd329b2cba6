package com.brandclosure.catalog.web;

import com.brandclosure.catalog.application.CatalogCommands;
import com.brandclosure.catalog.application.CatalogQueries;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.catalog.web.Responses.Catalog;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Product catalogs under {@code /api/v1/accounts/{accountId}/catalogs}, one at a time.
 * DELETE of a live catalog answers 200 with the deleted catalog; DELETE of an already-deleted
 * catalog answers 409 ("already deleted at ...") and changes nothing; an unknown one 404.
 * POST after AccountDeactivated answers 409.
 * <p>
 * Who may call: writes BRAND_ADMIN (own accounts only), SUPPORT, SERVICE; reads also OPS. The
 * actor recorded in the events is the authenticated caller; the tenant check (another brand's
 * account is 404) is made by the use cases of the application layer where each command is handled.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/catalogs")
public record CatalogController(CatalogCommands commands, CatalogQueries queries, CommandContexts contexts) {

    /** Path variable rules, so a malformed id answers 400 with a field error rather than reaching the store. */
    static final String ACCOUNT_ID_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";
    static final String CATALOG_ID = "[A-Za-z0-9-]{1,64}";
    static final String CATALOG_ID_MESSAGE = "must be 1-64 letters, digits or '-'";

    @PostMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    ResponseEntity<Catalog> create(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ACCOUNT_ID_MESSAGE) String accountId,
                                   @Valid @RequestBody Requests.CreateCatalog body, @RequestHeader HttpHeaders headers) {
        Catalog created = Catalog.of(commands.create(CurrentActor.get(), AccountId.of(accountId), body.name(),
                context(headers)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + accountId + "/catalogs/" + created.catalogId()))
                .body(created);
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    List<Catalog> list(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ACCOUNT_ID_MESSAGE) String accountId,
                       @RequestParam(defaultValue = "false") boolean includeDeleted,
                       @RequestParam(required = false) @Min(value = 1, message = Paging.LIMIT_REASON)
                       @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_REASON) Integer limit,
                       @RequestParam(required = false) String after) {
        Paging.Request page = Paging.request(limit, after, 2);
        return Paging.page(queries.list(CurrentActor.get(), AccountId.of(accountId), includeDeleted, page), page,
                CatalogView::cursorOf).stream().map(Catalog::of).toList();
    }

    @GetMapping("/{catalogId}")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    Catalog get(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ACCOUNT_ID_MESSAGE) String accountId,
                @PathVariable @Pattern(regexp = CATALOG_ID, message = CATALOG_ID_MESSAGE) String catalogId) {
        return Catalog.of(queries.get(CurrentActor.get(), AccountId.of(accountId), catalogId));
    }

    @DeleteMapping("/{catalogId}")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    Catalog delete(@PathVariable @Pattern(regexp = AccountId.PATTERN, message = ACCOUNT_ID_MESSAGE) String accountId,
                   @PathVariable @Pattern(regexp = CATALOG_ID, message = CATALOG_ID_MESSAGE) String catalogId,
                   @RequestHeader HttpHeaders headers) {
        return Catalog.of(commands.delete(CurrentActor.get(), AccountId.of(accountId), catalogId, context(headers)));
    }

    /** The actor of the command is the authenticated caller; the correlation id may come with the request. */
    private CommandContext context(HttpHeaders headers) {
        return contexts.forActor(CurrentActor.get().name(), headers.getFirst("X-Correlation-Id"));
    }
}
