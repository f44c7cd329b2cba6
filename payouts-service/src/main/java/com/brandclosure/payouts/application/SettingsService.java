package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * An account's locking settings. A change applies to actions tracked afterwards: an action's
 * lock and clearing dates are fixed when it is tracked, so a brand cannot move the lock date
 * of actions already under review.
 */
@Service
public class SettingsService {

    private final PayoutsStore db;
    private final TransactionTemplate tx;

    public SettingsService(PayoutsStore db, TransactionTemplate tx) {
        this.db = db;
        this.tx = tx;
    }

    /** The stored settings; empty if none were set and no action fixed the currency yet. */
    public Optional<LockingSettings> get(AccountId account) {
        return db.account(account).map(r -> r.settings());
    }

    public LockingSettings put(AccountId account, LockingSettings settings) {
        return tx.execute(status -> {
            db.lockAccounts(List.of(account.value()));
            var current = db.account(account).map(r -> r.settings());
            if (current.isPresent() && !current.get().currency().equals(settings.currency())
                    && db.countActions(account) > 0) {
                throw new DomainException.Conflict("the account currency is " + current.get().currency()
                        + " and actions exist in it; it cannot change to " + settings.currency());
            }
            db.saveSettings(account, settings);
            return settings;
        });
    }
}
