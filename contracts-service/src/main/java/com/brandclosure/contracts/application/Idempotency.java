package com.brandclosure.contracts.application;

import com.brandclosure.contracts.persistence.AccountLock;
import com.brandclosure.contracts.persistence.IdempotencyKeys;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * "Same Idempotency-Key, one effect, same answer": the answer is stored in the transaction of
 * the effect, under the account's lock, so a retry either finds the committed answer or runs
 * as if first (when the first attempt rolled back). Refusals (4xx) are not stored: nothing
 * happened, so a retry is judged afresh. A key reused for a different request is refused (422).
 * <p>
 * The caller's access to the account is checked first: a stored answer is the account's data, so
 * another brand replaying a key must get 404 like any other request on that account.
 */
@Component
public class Idempotency {

    /** An answer as sent: status, JSON body, Location header (or null); {@code replayed} on a repeat. */
    public record Answer(int status, String body, String location, boolean replayed) {
    }

    private final TransactionTemplate tx;
    private final AccountLock lock;
    private final IdempotencyKeys keys;

    public Idempotency(TransactionTemplate tx, AccountLock lock, IdempotencyKeys keys) {
        this.tx = tx;
        this.lock = lock;
        this.keys = keys;
    }

    public Answer run(Actor actor, AccountId account, String key, String fingerprint, Supplier<Answer> effect) {
        actor.requireAccess(account.value());
        if (key == null || key.isBlank()) {
            return effect.get();
        }
        if (key.length() > 200) {
            throw new DomainException.BadRequest("Idempotency-Key must be at most 200 characters");
        }
        return tx.execute(status -> {
            lock.lock(account);
            var stored = keys.find(account.value(), key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new DomainException.RuleViolation("Idempotency-Key " + key
                            + " was already used for a different request; use a new key");
                }
                return new Answer(stored.get().status(), stored.get().body(), stored.get().location(), true);
            }
            Answer answer = effect.get();
            keys.save(account.value(), key, new IdempotencyKeys.Stored(fingerprint, answer.status(), answer.body(),
                    answer.location()));
            return answer;
        });
    }
}
