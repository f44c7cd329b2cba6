package com.brandclosure.catalog.web;

import com.brandclosure.catalog.application.CatalogService;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;

/**
 * Product catalogs under {@code /api/v1/accounts/{accountId}/catalogs}, one at a time.
 * DELETE of a live catalog answers 200 with the deleted catalog; DELETE of an already-deleted
 * catalog answers 409 ("already deleted at ...") and changes nothing; an unknown one 404.
 * POST after AccountDeactivated answers 409.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/catalogs")
public class CatalogController {

    record CreateCatalog(@NotBlank @Size(max = 200) String name) {
    }

    record Catalog(String catalogId, String accountId, String name, String status, Instant createdAt,
                   Instant deletedAt) {
        static Catalog of(CatalogState state) {
            return switch (state) {
                case CatalogState.Live l -> new Catalog(l.catalogId(), l.accountId(), l.name(), "LIVE", l.createdAt(), null);
                case CatalogState.Deleted d -> new Catalog(d.catalogId(), d.accountId(), d.name(), "DELETED",
                        d.createdAt(), d.deletedAt());
                case CatalogState.NotCreated n -> throw new IllegalStateException("not created");
            };
        }

        static Catalog of(CatalogView.Row r) {
            return new Catalog(r.catalogId(), r.accountId(), r.name(), r.status(), r.createdAt(), r.deletedAt());
        }
    }

    private final CatalogService catalogs;
    private final CommandContexts contexts;

    public CatalogController(CatalogService catalogs, CommandContexts contexts) {
        this.catalogs = catalogs;
        this.contexts = contexts;
    }

    @PostMapping
    ResponseEntity<Catalog> create(@PathVariable String accountId, @Valid @RequestBody CreateCatalog body,
                                   @RequestHeader HttpHeaders headers) {
        Catalog created = Catalog.of(catalogs.create(AccountId.of(accountId), body.name(), context(headers)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + accountId + "/catalogs/" + created.catalogId()))
                .body(created);
    }

    @GetMapping
    List<Catalog> list(@PathVariable String accountId, @RequestParam(defaultValue = "false") boolean includeDeleted) {
        return catalogs.list(AccountId.of(accountId), includeDeleted).stream().map(Catalog::of).toList();
    }

    @GetMapping("/{catalogId}")
    Catalog get(@PathVariable String accountId, @PathVariable String catalogId) {
        return Catalog.of(catalogs.get(AccountId.of(accountId), catalogId));
    }

    @DeleteMapping("/{catalogId}")
    Catalog delete(@PathVariable String accountId, @PathVariable String catalogId, @RequestHeader HttpHeaders headers) {
        return Catalog.of(catalogs.delete(AccountId.of(accountId), catalogId, context(headers)));
    }

    private CommandContext context(HttpHeaders headers) {
        String actor = headers.getFirst("X-Actor");
        return contexts.forActor(actor == null || actor.isBlank() ? "api" : actor, headers.getFirst("X-Correlation-Id"));
    }
}
