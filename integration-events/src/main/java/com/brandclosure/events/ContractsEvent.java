package com.brandclosure.events;

/** Published by contracts-service on {@link Topics#CONTRACTS}. */
public sealed interface ContractsEvent extends IntegrationEvent
        permits ContractActivated, ContractExpiryScheduled, ContractExpired, SwitchWithdrawn,
        ContractsExpired, ActiveContractsPresent, AccountFenced {
}
