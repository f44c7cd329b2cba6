package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.Personal;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending change of a contract's terms: a proposal the partner has not accepted yet, or a
 * switch scheduled for {@code effectiveAt}. Either kind blocks the account's "contracts expired"
 * precondition until it is withdrawn.
 */
public record ContractSwitch(String switchId, Kind kind, @Personal String terms, Instant effectiveAt) {

    public enum Kind { PROPOSAL, SCHEDULED }

    public ContractSwitch {
        Objects.requireNonNull(switchId, "switchId");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SCHEDULED) {
            Objects.requireNonNull(effectiveAt, "effectiveAt of a scheduled switch");
        }
    }
}
