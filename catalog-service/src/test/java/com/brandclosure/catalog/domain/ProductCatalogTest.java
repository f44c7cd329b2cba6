package com.brandclosure.catalog.domain;

import com.brandclosure.catalog.domain.CatalogCommand.CreateCatalog;
import com.brandclosure.catalog.domain.CatalogCommand.DeleteCatalog;
import com.brandclosure.catalog.domain.CatalogEvent.CatalogCreated;
import com.brandclosure.catalog.domain.CatalogEvent.CatalogDeleted;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCatalogTest {

    private static final Decider<CatalogCommand, CatalogEvent, CatalogState> catalog =
            new Decider<>(CatalogState.INITIAL, ProductCatalog::decide, ProductCatalog::evolve);

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-11T09:00:00Z");
    private static final CatalogCreated CREATED = new CatalogCreated("k1", "acc", "Shoes", T0);

    @AfterAll
    static void everyEventTypeIsCovered() {
        catalog.assertCovered(CatalogEvent.class);
    }

    @Test
    void creates_a_catalog_once() {
        catalog.given().when(new CreateCatalog("k1", "acc", "Shoes", T0)).then(CREATED);
        catalog.given(CREATED).when(new CreateCatalog("k1", "acc", "Shoes", T0))
                .thenRefused(DomainException.Conflict.class, "already exists");
    }

    @Test
    void deletes_a_live_catalog() {
        CatalogState after = catalog.given(CREATED).when(new DeleteCatalog(T1)).then(new CatalogDeleted(T1)).state();
        assertThat(after).isInstanceOf(CatalogState.Deleted.class);
    }

    @Test
    void deleting_an_already_deleted_catalog_is_a_conflict_naming_when_it_was_deleted() {
        catalog.given(CREATED, new CatalogDeleted(T1)).when(new DeleteCatalog(T1.plusSeconds(60)))
                .thenRefused(DomainException.Conflict.class, "already deleted at " + T1);
    }

    @Test
    void deleting_an_unknown_catalog_is_not_found() {
        catalog.given().when(new DeleteCatalog(T1)).thenRefused(DomainException.NotFound.class, "not found");
    }
}
