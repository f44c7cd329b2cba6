package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.ExpiryPolicy;
import com.brandclosure.contracts.domain.LinkCommand;
import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.contracts.domain.LinkState;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.contracts.domain.TrackingLink;
import com.brandclosure.contracts.messaging.IntegrationEvents;
import com.brandclosure.contracts.persistence.AccountLock;
import com.brandclosure.contracts.persistence.ContractStreams;
import com.brandclosure.contracts.persistence.ContractStreams.LoadedContract;
import com.brandclosure.contracts.persistence.ContractStreams.StreamAppend;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.contracts.persistence.LinkView;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.timers.DurableTimers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contracts use cases. Every write runs in one transaction under the account's lock.
 * <p>
 * Tenant isolation is decided here: every use case reached from the API takes the calling
 * {@link Actor} and refuses another brand's account as not found (404) before it reads or
 * changes anything. Every stored event records its account id (the account's audit trail).
 */
@Service
public class ContractsService {

    public static final String EXPIRY_TIMER = "contract-expiry";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContractsService.class);

    private final TransactionTemplate tx;
    private final AccountLock lock;
    private final EventStore eventStore;
    private final ContractStreams streams;
    private final ContractView contractView;
    private final LinkView linkView;
    private final Outbox outbox;
    private final DurableTimers timers;

    public ContractsService(TransactionTemplate tx, AccountLock lock, EventStore eventStore, ContractStreams streams,
                            ContractView contractView, LinkView linkView, Outbox outbox, DurableTimers timers) {
        this.tx = tx;
        this.lock = lock;
        this.eventStore = eventStore;
        this.streams = streams;
        this.contractView = contractView;
        this.linkView = linkView;
        this.outbox = outbox;
        this.timers = timers;
    }

    public record NewContract(String partnerId, String landingUrl) {
    }

    public record BulkExpiry(List<String> partnerIds, LocalDate expireOn, boolean withdrawSwitches, String comment,
                             Boolean acknowledgeIrreversible) {
    }

    public record BulkExpiryResult(Instant expiresAt, int expired, int scheduled, int switchesWithdrawn) {
    }

    // ---- account ----

    public static String accountStream(AccountId account) {
        return "contracts-account-" + account.value();
    }

    public AccountState account(AccountId account) {
        return loadAccount(account).state();
    }

    /** The account's settings, for a caller that may see the account; 404 for an unknown one. */
    public AccountState settings(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        AccountState state = account(account);
        ContractAccount.requireKnown(state);
        return state;
    }

    /** Sets the account's time zone (registering the account if new). Default without this call: UTC. */
    public AccountState configure(Actor actor, AccountId account, String timeZone, CommandContext ctx) {
        actor.requireAccess(account.value());
        return inAccount(account, () -> {
            var loaded = loadAccount(account);
            AccountState state = appendAccount(account, loaded,
                    new AccountCommand.ConfigureAccount(account.value(), timeZone, ctx.now()), ctx);
            return reconcile(account, ctx);
        });
    }

    /** AccountDeactivated: fence, expire whatever is active, withdraw every switch. */
    public void deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        inAccount(account, () -> {
            var loaded = loadAccount(account);
            AccountState state = appendAccount(account, loaded,
                    new AccountCommand.Deactivate(account.value(), closureDate, ctx.now()), ctx);
            applyToContracts(account.value(), streams.loadOpen(account.value(), null), s -> new ContractCommand.ExpireOnDeactivation(ctx.now()),
                    ctx);
            return reconcile(account, ctx);
        });
    }

    // ---- contracts ----

    public ContractState createContract(Actor actor, AccountId account, NewContract contract, CommandContext ctx) {
        actor.requireAccess(account.value());
        return createContracts(account, List.of(contract), ctx).get(0);
    }

    /**
     * Creates many contracts in one transaction: one batch of appends, one outbox batch, one summary
     * decision. For trusted in-process callers (benchmarks, tools): no API reaches it, so it takes no actor.
     */
    public List<ContractState> createContracts(AccountId account, List<NewContract> contracts, CommandContext ctx) {
        return inAccount(account, () -> {
            AccountState state = openAccount(account, ctx);
            ContractAccount.requireOpen(state, "a new contract");
            List<LoadedContract> fresh = new ArrayList<>(contracts.size());
            List<ContractCommand> commands = new ArrayList<>(contracts.size());
            for (NewContract c : contracts) {
                String contractId = ctx.ids().get().toString();
                fresh.add(new LoadedContract(ContractStreams.streamId(contractId), ContractState.INITIAL, 0));
                commands.add(new ContractCommand.CreateContract(contractId, account.value(), c.partnerId(),
                        c.landingUrl(), ctx.now()));
            }
            var it = commands.iterator();
            List<ContractState> created = applyToContracts(account.value(), fresh, s -> it.next(), ctx);
            reconcile(account, ctx);
            return created;
        });
    }

    public ContractState contract(Actor actor, AccountId account, String contractId) {
        actor.requireAccess(account.value());
        return ownedContract(account, contractId);
    }

    private ContractState ownedContract(AccountId account, String contractId) {
        requireKnown(account);
        EventStore.Loaded<ContractState> loaded = loadContract(contractId);
        if (!(loaded.state() instanceof ContractState.Active a && a.accountId().equals(account.value()))
                && !(loaded.state() instanceof ContractState.Expired x && x.accountId().equals(account.value()))) {
            throw new DomainException.NotFound("contract " + contractId + " not found in account " + account);
        }
        return loaded.state();
    }

    public ContractView.Page list(Actor actor, AccountId account, ContractView.Status status, int page, int size) {
        actor.requireAccess(account.value());
        requireKnown(account);
        return contractView.list(account.value(), status, page, size);
    }

    public String proposeSwitch(Actor actor, AccountId account, String contractId, String terms, CommandContext ctx) {
        actor.requireAccess(account.value());
        String switchId = ctx.ids().get().toString();
        onContract(account, contractId, "a new switch proposal",
                s -> new ContractCommand.ProposeSwitch(switchId, terms, ctx.now()), ctx);
        return switchId;
    }

    /** The switch takes effect at the start of {@code effectiveOn} in the account's time zone. */
    public String scheduleSwitch(Actor actor, AccountId account, String contractId, String terms,
                                 LocalDate effectiveOn, CommandContext ctx) {
        actor.requireAccess(account.value());
        String switchId = ctx.ids().get().toString();
        onContract(account, contractId, "a new switch", s -> {
            Instant effectiveAt = effectiveOn.atStartOfDay(account(account).zone()).toInstant();
            return new ContractCommand.ScheduleSwitch(switchId, terms, effectiveAt, ctx.now());
        }, ctx);
        return switchId;
    }

    public void withdrawSwitch(Actor actor, AccountId account, String contractId, String switchId,
                               CommandContext ctx) {
        actor.requireAccess(account.value());
        onContract(account, contractId, null, s -> new ContractCommand.WithdrawSwitch(switchId, ctx.now()), ctx);
    }

    /**
     * Expires all the account's contracts (or those of some partners) at 23:59:59 of
     * {@code expireOn} in the account's time zone, in one transaction. Future expiries share one
     * durable timer per (account, instant), not one per contract.
     */
    public BulkExpiryResult expireContracts(Actor actor, AccountId account, BulkExpiry request, CommandContext ctx) {
        actor.requireAccess(account.value());
        return inAccount(account, () -> {
            var loaded = loadAccount(account);
            ContractAccount.requireKnown(loaded.state());
            ExpiryPolicy.requireAcknowledged(request.acknowledgeIrreversible());
            Instant expiresAt = ExpiryPolicy.expiresAt(request.expireOn(), loaded.state().zone(), ctx.now());
            var command = new ContractCommand.ExpireContract(expiresAt, request.comment(), request.withdrawSwitches(),
                    ctx.now());
            long loadStart = System.nanoTime();
            List<LoadedContract> open = streams.loadOpen(account.value(), request.partnerIds());
            log.info("bulk expiry of account {}: {} contracts loaded in {} ms", account, open.size(),
                    (System.nanoTime() - loadStart) / 1_000_000);
            int[] counts = new int[3];
            applyToContracts(account.value(), open, s -> command, ctx, e -> {
                switch (e) {
                    case ContractEvent.ContractExpired x -> counts[0]++;
                    case ContractEvent.ContractExpiryScheduled x -> counts[1]++;
                    case ContractEvent.SwitchWithdrawn x -> counts[2]++;
                    default -> { }
                }
            });
            if (counts[1] > 0) {
                timers.schedule(EXPIRY_TIMER, expiryTimerId(account, expiresAt), expiresAt, account.value());
            }
            reconcile(account, ctx);
            return new BulkExpiryResult(expiresAt, counts[0], counts[1], counts[2]);
        });
    }

    public static String expiryTimerId(AccountId account, Instant expiresAt) {
        return account.value() + "@" + expiresAt.getEpochSecond();
    }

    /** A scheduled-expiry timer fired: expire every contract of the account that is due. Idempotent. */
    public int fireScheduledExpiries(AccountId account, CommandContext ctx) {
        return inAccount(account, () -> {
            var loaded = loadAccount(account);
            List<LoadedContract> due = streams.loadDueExpiries(account.value(), ctx.now());
            int[] expired = new int[1];
            applyToContracts(account.value(), due, s -> new ContractCommand.FireScheduledExpiry(ctx.now()), ctx, e -> expired[0]++);
            reconcile(account, ctx);
            return expired[0];
        });
    }

    // ---- tracking links ----

    public static String linkStream(String linkId) {
        return "link-" + linkId;
    }

    public String createLink(Actor actor, AccountId account, String contractId, String landingUrl,
                             CommandContext ctx) {
        actor.requireAccess(account.value());
        return inAccount(account, () -> {
            var acc = loadAccount(account);
            ContractAccount.requireKnown(acc.state());
            ContractAccount.requireOpen(acc.state(), "a new tracking link");
            ContractState contract = ownedContract(account, contractId);
            String url = landingUrl != null ? landingUrl : ((contract instanceof ContractState.Active a)
                    ? a.landingUrl() : ((ContractState.Expired) contract).landingUrl());
            String linkId = ctx.ids().get().toString().replace("-", "");
            var events = TrackingLink.decide(new LinkCommand.CreateLink(linkId, account.value(), contractId, url,
                    contract instanceof ContractState.Active, ctx.now()), LinkState.INITIAL);
            eventStore.append(linkStream(linkId), account.value(), 0, newEvents(events, ctx));
            linkView.insert(new LinkView.Row(linkId, account.value(), contractId, url));
            return linkId;
        });
    }

    /**
     * A click: the landing URL if the link is live (the click is recorded), empty if the contract
     * expired (its expiry instant passed, even if its timer has not run yet) or the account was
     * deactivated — then nothing is recorded.
     */
    public Optional<String> click(String linkId, CommandContext ctx) {
        LinkView.Row link = linkView.find(linkId)
                .orElseThrow(() -> new DomainException.NotFound("tracking link " + linkId + " not found"));
        return tx.execute(status -> {
            AccountState account = account(AccountId.of(link.accountId()));
            boolean contractActive = contractView.find(link.accountId(), link.contractId())
                    .map(r -> r.status() != ContractView.Status.EXPIRED
                            && (r.expiresAt() == null || r.expiresAt().isAfter(ctx.now())))
                    .orElse(false);
            String stream = linkStream(linkId);
            EventStore.Loaded<LinkState> loaded = eventStore.loadState(stream, LinkState.INITIAL, TrackingLink::evolve);
            List<LinkEvent> events = TrackingLink.decide(new LinkCommand.RecordClick(ctx.ids().get().toString(),
                    contractActive, account.deactivated(), ctx.now()), loaded.state());
            if (events.isEmpty()) {
                return Optional.<String>empty();
            }
            long version = eventStore.append(stream, link.accountId(), loaded.version(), newEvents(events, ctx));
            LinkState after = loaded.state();
            for (LinkEvent e : events) {
                after = TrackingLink.evolve(after, e);
            }
            eventStore.snapshotIfDue(stream, loaded.version(), version, after);
            return Optional.of(loaded.state().landingUrl());
        });
    }

    // ---- internals ----

    private <T> T inAccount(AccountId account, java.util.function.Supplier<T> work) {
        return tx.execute(status -> {
            lock.lock(account);
            return work.get();
        });
    }

    private EventStore.Loaded<AccountState> loadAccount(AccountId account) {
        return eventStore.loadState(accountStream(account), AccountState.initial(account.value()),
                ContractAccount::evolve);
    }

    private void requireKnown(AccountId account) {
        ContractAccount.requireKnown(account(account));
    }

    /** The account, registered with the default time zone if this is its first contract. */
    private AccountState openAccount(AccountId account, CommandContext ctx) {
        var loaded = loadAccount(account);
        if (loaded.state().known()) {
            return loaded.state();
        }
        return appendAccount(account, loaded, new AccountCommand.ConfigureAccount(account.value(),
                AccountState.DEFAULT_TIME_ZONE, ctx.now()), ctx);
    }

    private AccountState appendAccount(AccountId account, EventStore.Loaded<AccountState> loaded,
                                       AccountCommand command, CommandContext ctx) {
        List<AccountEvent> events = ContractAccount.decide(command, loaded.state());
        if (events.isEmpty()) {
            return loaded.state();
        }
        long version = eventStore.append(accountStream(account), account.value(), loaded.version(),
                newEvents(events, ctx));
        AccountState state = loaded.state();
        List<com.brandclosure.platform.outbox.Outbox.Message> messages = new ArrayList<>();
        for (AccountEvent e : events) {
            state = ContractAccount.evolve(state, e);
            IntegrationEvents.of(account.value(), e).ifPresent(ie ->
                    messages.add(new Outbox.Message(Topics.CONTRACTS, ie, ctx.nextMetadata())));
        }
        eventStore.snapshotIfDue(accountStream(account), loaded.version(), version, state);
        outbox.publishAll(messages);
        return state;
    }

    /** Re-evaluates the summary after the contracts changed; publishes ContractsExpired / ActiveContractsPresent on a flip. */
    private AccountState reconcile(AccountId account, CommandContext ctx) {
        var loaded = loadAccount(account);
        ContractView.Counts counts = contractView.counts(account.value());
        return appendAccount(account, loaded,
                new AccountCommand.Reconcile(counts.notExpired(), counts.pendingSwitches(), ctx.now()), ctx);
    }

    private void onContract(AccountId account, String contractId, String fencedWhat,
                            Function<ContractState, ContractCommand> command, CommandContext ctx) {
        inAccount(account, () -> {
            var acc = loadAccount(account);
            ContractAccount.requireKnown(acc.state());
            if (fencedWhat != null) {
                ContractAccount.requireOpen(acc.state(), fencedWhat);
            }
            ownedContract(account, contractId);
            EventStore.Loaded<ContractState> loaded = loadContract(contractId);
            applyToContracts(account.value(), List.of(new LoadedContract(ContractStreams.streamId(contractId), loaded.state(),
                    loaded.version())), command, ctx);
            reconcile(account, ctx);
            return null;
        });
    }

    private EventStore.Loaded<ContractState> loadContract(String contractId) {
        return eventStore.loadState(ContractStreams.streamId(contractId), ContractState.INITIAL, PartnerContract::evolve);
    }

    private List<ContractState> applyToContracts(String accountId, List<LoadedContract> contracts,
                                                 Function<ContractState, ContractCommand> command, CommandContext ctx) {
        return applyToContracts(accountId, contracts, command, ctx, e -> { });
    }

    /**
     * Decides the command for each contract, then writes everything in batches: stream appends,
     * read-model rows, outbox messages. Returns the states after the command.
     */
    private List<ContractState> applyToContracts(String accountId, List<LoadedContract> contracts,
                                                 Function<ContractState, ContractCommand> command, CommandContext ctx,
                                                 java.util.function.Consumer<ContractEvent> observer) {
        long t0 = System.nanoTime();
        List<StreamAppend> appends = new ArrayList<>();
        List<ContractView.Change> changes = new ArrayList<>();
        List<Outbox.Message> messages = new ArrayList<>();
        List<ContractState> after = new ArrayList<>(contracts.size());
        for (LoadedContract c : contracts) {
            List<ContractEvent> events = PartnerContract.decide(command.apply(c.state()), c.state());
            ContractState state = c.state();
            List<NewEvent> stored = new ArrayList<>(events.size());
            for (ContractEvent e : events) {
                state = PartnerContract.evolve(state, e);
                stored.add(new NewEvent(e, ctx.nextMetadata()));
                observer.accept(e);
                IntegrationEvents.of(state, e).ifPresent(ie ->
                        messages.add(new Outbox.Message(Topics.CONTRACTS, ie, ctx.nextMetadata())));
            }
            after.add(state);
            if (!events.isEmpty()) {
                appends.add(new StreamAppend(c.streamId(), c.version(), stored));
                changes.add(new ContractView.Change(c.streamId(), state, c.version() + events.size(), ctx.now(),
                        c.version() == 0));
            }
        }
        long t1 = System.nanoTime();
        streams.appendAll(accountId, appends);
        long t2 = System.nanoTime();
        if (!changes.isEmpty()) {
            contractView.upsertAll(changes);
        }
        long t3 = System.nanoTime();
        outbox.publishAll(messages);
        long t4 = System.nanoTime();
        if (contracts.size() >= 1000) {
            log.info("{} contracts: decided in {} ms, {} events appended in {} ms, read model in {} ms, {} outbox rows in {} ms",
                    contracts.size(), (t1 - t0) / 1_000_000, appends.stream().mapToInt(a -> a.events().size()).sum(),
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, messages.size(), (t4 - t3) / 1_000_000);
        }
        return after;
    }

    private static List<NewEvent> newEvents(List<?> events, CommandContext ctx) {
        return events.stream().map(e -> new NewEvent(e, ctx.nextMetadata())).toList();
    }
}
