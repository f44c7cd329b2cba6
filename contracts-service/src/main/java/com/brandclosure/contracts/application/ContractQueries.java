package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.web.Paging;
import org.springframework.stereotype.Service;

/** Reading contracts: one from its stream, many from the list read model. No lock: nothing is decided. */
@Service
public record ContractQueries(EventStore eventStore, ContractView contractView) {

    public ContractState contract(Actor actor, AccountId account, String contractId) {
        actor.requireAccess(account.value());
        ContractAccount.requireKnown(Streams.readAccount(eventStore, account.value()));
        ContractState state = eventStore.loadState(Streams.contractStreamId(contractId), ContractState.INITIAL,
                PartnerContract::evolve).state();
        return PartnerContract.requireIn(account.value(), contractId, state);
    }

    /** The matching contracts' count and the rows of one page ({@link Paging.Request#fetch()} at most). */
    public ContractView.Page list(Actor actor, AccountId account, ContractView.Status status, Paging.Request page) {
        actor.requireAccess(account.value());
        ContractAccount.requireKnown(Streams.readAccount(eventStore, account.value()));
        return contractView.list(account.value(), status, page);
    }
}
