package com.brandclosure.payouts.application;

import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.payouts.persistence.StoredAction;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.web.Paging;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reading actions (the {@code actions} read model), after the tenant check. */
@Service
public class ActionQueries {

    private final PayoutsStore db;

    public ActionQueries(PayoutsStore db) {
        this.db = db;
    }

    public Optional<StoredAction> find(Actor actor, AccountId account, String actionId) {
        actor.requireAccess(account.value());
        return Optional.ofNullable(db.actions(account.value(), List.of(actionId)).get(actionId));
    }

    /** The matching actions' count and the rows of one page ({@link Paging.Request#fetch()} at most). */
    public PayoutsStore.Page list(Actor actor, AccountId account, String state, LocalDate from, LocalDate to,
                                  Paging.Request page) {
        actor.requireAccess(account.value());
        return db.list(account.value(), state, from, to, page);
    }
}
