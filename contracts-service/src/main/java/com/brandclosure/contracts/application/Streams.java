package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.LinkCommand;
import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.contracts.domain.LinkState;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.contracts.domain.TrackingLink;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.EventStore;

import java.util.Collection;
import java.util.List;

/**
 * The three kinds of stream of this service, their ids, and how a unit of work loads them. Every
 * stream of an account's aggregates is recorded under that account (its audit trail). A per-account
 * "contract book" stream was rejected: every single-contract command would then load and snapshot a
 * state holding all of the account's contracts.
 */
final class Streams {

    private Streams() {
    }

    static String accountStreamId(String accountId) {
        return "contracts-account-" + accountId;
    }

    static String contractStreamId(String contractId) {
        return "contract-" + contractId;
    }

    static String linkStreamId(String linkId) {
        return "link-" + linkId;
    }

    static Stream<AccountCommand, AccountState, AccountEvent> account(Work work, String accountId) {
        return work.load(accountId, accountStreamId(accountId), ContractAccount.decider(accountId));
    }

    static Stream<ContractCommand, ContractState, ContractEvent> contract(Work work, String accountId,
                                                                         String contractId) {
        return work.load(accountId, contractStreamId(contractId), PartnerContract.DECIDER);
    }

    /** Many contract streams (by stream id) in two queries, whatever their number. */
    static Collection<Stream<ContractCommand, ContractState, ContractEvent>> contracts(Work work, String accountId,
                                                                                      List<String> streamIds) {
        return work.loadAll(accountId, streamIds, PartnerContract.DECIDER).values();
    }

    static Stream<LinkCommand, LinkState, LinkEvent> link(Work work, String accountId, String linkId) {
        return work.load(accountId, linkStreamId(linkId), TrackingLink.DECIDER);
    }

    /** The account's state for a query (no lock, no unit of work: nothing is decided on it). */
    static AccountState readAccount(EventStore eventStore, String accountId) {
        return eventStore.loadState(accountStreamId(accountId), AccountState.initial(accountId),
                ContractAccount::evolve).state();
    }
}
