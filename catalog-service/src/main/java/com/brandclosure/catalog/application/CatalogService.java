package com.brandclosure.catalog.application;

import com.brandclosure.catalog.domain.AccountCommand;
import com.brandclosure.catalog.domain.AccountEvent;
import com.brandclosure.catalog.domain.AccountState;
import com.brandclosure.catalog.domain.CatalogAccount;
import com.brandclosure.catalog.domain.CatalogCommand;
import com.brandclosure.catalog.domain.CatalogEvent;
import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.catalog.domain.ProductCatalog;
import com.brandclosure.catalog.persistence.CatalogView;
import com.brandclosure.events.CatalogCreated;
import com.brandclosure.events.CatalogDeleted;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.CatalogsPresent;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Catalog use cases: under the account's lock, load -> decide -> append + read model + outbox,
 * then re-evaluate the account summary in the same transaction.
 * <p>
 * Tenant isolation is decided here, not only in the controller: every use case reached from
 * outside takes the calling {@link Actor} and refuses another brand's account as not found (404)
 * before it reads or changes anything. Every stored event records its account id (the audit trail).
 */
@Service
public class CatalogService {

    private final TransactionTemplate tx;
    private final EventStore eventStore;
    private final CatalogView view;
    private final Outbox outbox;
    private final AccountLocks locks;

    public CatalogService(TransactionTemplate tx, EventStore eventStore, CatalogView view, Outbox outbox,
                          AccountLocks locks) {
        this.tx = tx;
        this.eventStore = eventStore;
        this.view = view;
        this.outbox = outbox;
        this.locks = locks;
    }

    static String catalogStream(String catalogId) {
        return "catalog-" + catalogId;
    }

    static String accountStream(AccountId account) {
        return "catalog-account-" + account.value();
    }

    public CatalogState create(Actor actor, AccountId account, String name, CommandContext ctx) {
        actor.requireAccess(account.value());
        return inAccount(account, () -> {
            var acc = loadAccount(account);
            CatalogAccount.requireOpen(acc.state());
            String catalogId = ctx.ids().get().toString();
            List<CatalogEvent> events = ProductCatalog.decide(
                    new CatalogCommand.CreateCatalog(catalogId, account.value(), name, ctx.now()), CatalogState.INITIAL);
            CatalogState state = append(account, catalogId, 0, CatalogState.INITIAL, events, ctx);
            reconcile(account, ctx);
            return state;
        });
    }

    /** Deleting an already-deleted catalog is refused with 409 (see ProductCatalog); deleting after deactivation is allowed. */
    public CatalogState delete(Actor actor, AccountId account, String catalogId, CommandContext ctx) {
        actor.requireAccess(account.value());
        return inAccount(account, () -> {
            var loaded = loadOwned(account, catalogId);
            List<CatalogEvent> events = ProductCatalog.decide(new CatalogCommand.DeleteCatalog(ctx.now()), loaded.state());
            CatalogState state = append(account, catalogId, loaded.version(), loaded.state(), events, ctx);
            reconcile(account, ctx);
            return state;
        });
    }

    public CatalogState get(Actor actor, AccountId account, String catalogId) {
        actor.requireAccess(account.value());
        return loadOwned(account, catalogId).state();
    }

    public List<CatalogView.Row> list(Actor actor, AccountId account, boolean includeDeleted) {
        actor.requireAccess(account.value());
        return view.list(account.value(), includeDeleted);
    }

    public void deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        inAccount(account, () -> {
            appendAccount(account, new AccountCommand.Deactivate(account.value(), closureDate, ctx.now()), ctx);
            // An account never seen here gets its summary now, so the saga hears about it.
            reconcile(account, ctx);
            return null;
        });
    }

    private EventStore.Loaded<CatalogState> loadOwned(AccountId account, String catalogId) {
        EventStore.Loaded<CatalogState> loaded = eventStore.loadState(catalogStream(catalogId), CatalogState.INITIAL,
                ProductCatalog::evolve);
        String owner = switch (loaded.state()) {
            case CatalogState.Live l -> l.accountId();
            case CatalogState.Deleted d -> d.accountId();
            case CatalogState.NotCreated n -> null;
        };
        if (!account.value().equals(owner)) {
            throw new DomainException.NotFound("catalog " + catalogId + " not found in account " + account);
        }
        return loaded;
    }

    private CatalogState append(AccountId account, String catalogId, long version, CatalogState state,
                                List<CatalogEvent> events, CommandContext ctx) {
        eventStore.append(catalogStream(catalogId), account.value(), version,
                events.stream().map(e -> new NewEvent(e, ctx.nextMetadata())).toList());
        List<Outbox.Message> messages = new ArrayList<>();
        for (CatalogEvent e : events) {
            state = ProductCatalog.evolve(state, e);
            IntegrationEvent published = switch (e) {
                case CatalogEvent.CatalogCreated c -> new CatalogCreated(c.accountId(), c.catalogId(), c.name());
                case CatalogEvent.CatalogDeleted d -> {
                    var deleted = (CatalogState.Deleted) state;
                    yield new CatalogDeleted(deleted.accountId(), deleted.catalogId());
                }
            };
            messages.add(new Outbox.Message(Topics.CATALOG, published, ctx.nextMetadata()));
        }
        view.save(state);
        outbox.publishAll(messages);
        return state;
    }

    private void reconcile(AccountId account, CommandContext ctx) {
        appendAccount(account, new AccountCommand.Reconcile(view.live(account.value()), ctx.now()), ctx);
    }

    private void appendAccount(AccountId account, AccountCommand command, CommandContext ctx) {
        var loaded = loadAccount(account);
        List<AccountEvent> events = CatalogAccount.decide(command, loaded.state());
        if (events.isEmpty()) {
            return;
        }
        long version = eventStore.append(accountStream(account), account.value(), loaded.version(),
                events.stream().map(e -> new NewEvent(e, ctx.nextMetadata())).toList());
        AccountState state = loaded.state();
        List<Outbox.Message> messages = new ArrayList<>();
        for (AccountEvent e : events) {
            state = CatalogAccount.evolve(state, e);
            Optional<IntegrationEvent> published = switch (e) {
                case AccountEvent.CatalogsPreconditionMet m -> Optional.of(new CatalogsDeleted(account.value(), m.asOf()));
                case AccountEvent.CatalogsPreconditionRetracted r ->
                        Optional.of(new CatalogsPresent(account.value(), r.liveCatalogs(), r.asOf()));
                case AccountEvent.AccountFenced f -> Optional.empty();
            };
            published.ifPresent(p -> messages.add(new Outbox.Message(Topics.CATALOG, p, ctx.nextMetadata())));
        }
        eventStore.snapshotIfDue(accountStream(account), loaded.version(), version, state);
        outbox.publishAll(messages);
    }

    private EventStore.Loaded<AccountState> loadAccount(AccountId account) {
        return eventStore.loadState(accountStream(account), AccountState.initial(account.value()), CatalogAccount::evolve);
    }

    /**
     * One transaction under the account's lock (the platform's {@link AccountLocks}), taken before
     * anything is written: the ordering rule of the event store's package-info.
     */
    private <T> T inAccount(AccountId account, Supplier<T> work) {
        return tx.execute(status -> {
            locks.lock(account.value());
            return work.get();
        });
    }
}
