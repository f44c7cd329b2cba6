package com.brandclosure.payouts.application;

import com.brandclosure.events.AccountLocaleDecided;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.domain.AccountLocale;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * An account's locking settings. A change applies to actions tracked afterwards: an action's
 * lock and clearing dates are fixed when it is tracked, so a brand cannot move the lock date
 * of actions already under review. The first settings decide the account's currency and zone for
 * every service ({@link AccountLocale}, announced as {@link AccountLocaleDecided}); later settings
 * may change the periods, not those.
 */
@Service
public record AccountSettings(PayoutsStore db, CommandRunner runner) {

    /**
     * The stored settings; empty if none were set.
     * {@code actor} must have access to the account (404 otherwise).
     */
    public Optional<LockingSettings> get(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        return db.account(account).map(r -> r.settings());
    }

    /**
     * Stores the settings; {@code actor} must have access to the account (404 otherwise, nothing changes).
     * Another currency or zone than the decided ones is a 409 naming both.
     */
    public LockingSettings put(Actor actor, AccountId account, LockingSettings settings, CommandContext ctx) {
        actor.requireAccess(account.value());
        // Under the account's lock: no action can be tracked in the old currency meanwhile.
        return runner.inAccount(account.value(), work -> {
            var row = db.account(account);
            var before = row.flatMap(r -> r.decidedLocale());
            var decided = AccountLocale.decide(account.value(), before, AccountLocale.of(settings));
            // The same zone spelled otherwise is accepted but stored as decided: the id stays the one announced.
            var stored = before.map(locale -> locale.spelledAsDecided(settings)).orElse(settings);
            var current = row.map(r -> r.settings());
            // A currency pinned by a conversion before decisions existed: kept while actions exist in it.
            if (current.isPresent() && !current.get().currency().equals(settings.currency())
                    && db.countActions(account) > 0) {
                throw new DomainException.Conflict("the account currency is " + current.get().currency()
                        + " and actions exist in it; it cannot change to " + settings.currency());
            }
            db.saveSettings(account, stored);
            decided.ifPresent(locale -> {
                db.markLocaleDecided(account, ctx.now());
                work.publish(Topics.PAYOUTS, new AccountLocaleDecided(account.value(),
                        locale.currency().getCurrencyCode(), locale.zone().getId(), ctx.now()), ctx.nextMetadata());
            });
            return stored;
        });
    }
}
