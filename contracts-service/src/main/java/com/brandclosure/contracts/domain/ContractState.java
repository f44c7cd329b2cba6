package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The states of a partner contract; each carries exactly the data that state has. */
public sealed interface ContractState {

    ContractState INITIAL = new NotCreated();

    /** The pending switches of the contract (none before creation). */
    default List<ContractSwitch> switches() {
        return List.of();
    }

    default Optional<ContractSwitch> pendingSwitch(String switchId) {
        return switches().stream().filter(s -> s.switchId().equals(switchId)).findFirst();
    }

    record NotCreated() implements ContractState {
    }

    /** Active, possibly with an expiry scheduled ({@code expiresAt} non-null) that has not been reached. */
    record Active(String contractId, String accountId, @Personal String partnerId, @Personal String landingUrl,
                  List<ContractSwitch> switches, Instant expiresAt, @Personal String expiryComment) implements ContractState {
        public Active {
            switches = List.copyOf(switches);
        }

        Active withSwitches(List<ContractSwitch> newSwitches) {
            return new Active(contractId, accountId, partnerId, landingUrl, newSwitches, expiresAt, expiryComment);
        }
    }

    /** Expired for good; switches that were not withdrawn are still pending. */
    record Expired(String contractId, String accountId, @Personal String partnerId, @Personal String landingUrl,
                   List<ContractSwitch> switches, Instant expiredAt, @Personal String comment) implements ContractState {
        public Expired {
            switches = List.copyOf(switches);
        }

        Expired withSwitches(List<ContractSwitch> newSwitches) {
            return new Expired(contractId, accountId, partnerId, landingUrl, newSwitches, expiredAt, comment);
        }
    }
}
