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
import com.brandclosure.events.SwitchWithdrawn;

import java.util.Optional;

/**
 * Domain events -> the public shapes on {@code contracts.events}. Deliberately a subset:
 * proposals and scheduled switches stay internal (other services only need to know when one is
 * withdrawn, and the summary already says whether any is pending).
 */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** {@code after}: the contract's state after the event, which names account, contract and partner. */
    public static Optional<ContractsEvent> of(ContractState after, ContractEvent event) {
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

    public static Optional<ContractsEvent> of(String accountId, AccountEvent event) {
        return switch (event) {
            case AccountEvent.ContractsPreconditionMet e -> Optional.of(new ContractsExpired(accountId, e.asOf()));
            case AccountEvent.ContractsPreconditionRetracted e ->
                    Optional.of(new ActiveContractsPresent(accountId, e.activeContracts(), e.asOf()));
            case AccountEvent.AccountConfigured e -> Optional.empty();
            case AccountEvent.AccountFenced e -> Optional.empty();
        };
    }
}
