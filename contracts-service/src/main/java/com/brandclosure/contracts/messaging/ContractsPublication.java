package com.brandclosure.contracts.messaging;

import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.events.ActiveContractsPresent;
import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractExpired;
import com.brandclosure.events.ContractExpiryScheduled;
import com.brandclosure.events.ContractsEvent;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.SwitchWithdrawn;
import com.brandclosure.platform.command.Appended;

import java.util.List;
import java.util.Optional;

/**
 * Stored domain events -> the public shapes on {@code contracts.events}, called by the command
 * runner for every event it appends (so each integration event carries the id of the stored event it
 * announces, and goes to the outbox in the same transaction). Deliberately a subset: proposals and
 * scheduled switches stay internal (other services only need to know when one is withdrawn, and the
 * summary already says whether any is pending); link events are not published at all.
 */
public final class ContractsPublication {

    private ContractsPublication() {
    }

    /** The integration events that announce {@code appended} (none for what stays internal). */
    public static List<IntegrationEvent> announce(Appended appended) {
        Optional<ContractsEvent> announced = switch (appended.event()) {
            case ContractEvent e -> of(appended.<ContractState>state(), e);
            case AccountEvent e -> of(appended.accountId(), appended.version(), e);
            default -> Optional.empty();
        };
        return announced.<List<IntegrationEvent>>map(List::of).orElse(List.of());
    }

    /** {@code after}: the contract's state after the event, which names account, contract and partner. */
    static Optional<ContractsEvent> of(ContractState after, ContractEvent event) {
        String account;
        String contract;
        String partner;
        switch (after) {
            case ContractState.Active a -> {
                account = a.accountId();
                contract = a.contractId();
                partner = a.partnerId();
            }
            case ContractState.Expired x -> {
                account = x.accountId();
                contract = x.contractId();
                partner = x.partnerId();
            }
            case ContractState.NotCreated n -> throw new IllegalStateException("no contract to publish about");
        }
        return switch (event) {
            case ContractEvent.ContractCreated e ->
                    Optional.of(new ContractActivated(account, contract, partner, e.createdAt()));
            case ContractEvent.ContractExpiryScheduled e ->
                    Optional.of(new ContractExpiryScheduled(account, contract, partner, e.expiresAt()));
            case ContractEvent.ContractExpired e ->
                    Optional.of(new ContractExpired(account, contract, partner, e.expiredAt(), e.comment()));
            case ContractEvent.SwitchWithdrawn e ->
                    Optional.of(new SwitchWithdrawn(account, contract, e.switchId(), e.withdrawnAt()));
            case ContractEvent.SwitchProposed e -> Optional.empty();
            case ContractEvent.SwitchScheduled e -> Optional.empty();
        };
    }

    /**
     * {@code version}: the stored event's version in the account stream, which holds every summary
     * of the account, published as the summary's {@code sourceVersion}.
     */
    static Optional<ContractsEvent> of(String accountId, long version, AccountEvent event) {
        return switch (event) {
            case AccountEvent.ContractsPreconditionMet e ->
                    Optional.of(new ContractsExpired(accountId, e.asOf(), version, e.reportFor()));
            case AccountEvent.ContractsPreconditionRetracted e ->
                    Optional.of(new ActiveContractsPresent(accountId, e.activeContracts(), e.asOf(), version,
                            e.reportFor()));
            case AccountEvent.AccountConfigured e -> Optional.empty();
            // payouts-service announced the decision; contracts-service only adopts it.
            case AccountEvent.ZoneDecided e -> Optional.empty();
            case AccountEvent.AccountFenced e -> Optional.empty();
        };
    }
}
