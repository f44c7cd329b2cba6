package com.brandclosure.contracts.web;

import com.brandclosure.contracts.application.BulkExpiry;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.ContractSwitch;
import com.brandclosure.contracts.persistence.ContractView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies: plain records, no Java type names. */
final class Responses {

    private Responses() {
    }

    record Settings(String accountId, String timeZone, LocalDate deactivatedOn) {
        static Settings of(AccountState s) {
            return new Settings(s.accountId(), s.timeZone(), s.deactivatedOn());
        }
    }

    record Switch(String switchId, String kind, String terms, Instant effectiveAt) {
        static Switch of(ContractSwitch s) {
            return new Switch(s.switchId(), s.kind().name(), s.terms(), s.effectiveAt());
        }
    }

    record Contract(String contractId, String accountId, String partnerId, String landingUrl, String status,
                    Instant expiresAt, Instant expiredAt, String comment, List<Switch> pendingSwitches) {
        static Contract of(ContractState state) {
            List<Switch> switches = state.switches().stream().map(Switch::of).toList();
            return switch (state) {
                case ContractState.Active a -> new Contract(a.contractId(), a.accountId(), a.partnerId(), a.landingUrl(),
                        a.expiresAt() == null ? "ACTIVE" : "EXPIRING", a.expiresAt(), null, a.expiryComment(), switches);
                case ContractState.Expired x -> new Contract(x.contractId(), x.accountId(), x.partnerId(),
                        x.landingUrl(), "EXPIRED", x.expiredAt(), x.expiredAt(), x.comment(), switches);
                case ContractState.NotCreated n -> throw new IllegalStateException("not created");
            };
        }
    }

    record ContractListItem(String contractId, String partnerId, String landingUrl, String status, Instant expiresAt,
                            Instant expiredAt, int pendingSwitches, Instant createdAt) {
        static ContractListItem of(ContractView.Row r) {
            return new ContractListItem(r.contractId(), r.partnerId(), r.landingUrl(), r.status().name(), r.expiresAt(),
                    r.expiredAt(), r.pendingSwitches(), r.createdAt());
        }
    }

    /** One page of contracts ({@code Link: rel="next"} when more follow) and how many match in all. */
    record ContractPage(List<ContractListItem> items, long total) {
    }

    record SwitchCreated(String contractId, String switchId, String kind) {
    }

    record SwitchWithdrawn(String contractId, String switchId) {
    }

    record ExpiryResult(Instant expiresAt, int expired, int scheduled, int switchesWithdrawn) {
        static ExpiryResult of(BulkExpiry.Result r) {
            return new ExpiryResult(r.expiresAt(), r.expired(), r.scheduled(), r.switchesWithdrawn());
        }
    }

    record Link(String linkId, String contractId, String path) {
    }
}
