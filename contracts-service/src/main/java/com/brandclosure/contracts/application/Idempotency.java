package com.brandclosure.contracts.application;

import com.brandclosure.contracts.persistence.IdempotencyKeys;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.kernel.DomainException;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * "Same Idempotency-Key, one effect, same answer": the answer is stored in the unit of work of the
 * effect, under the account's lock, so a retry either finds the committed answer or runs as if
 * first (when the first attempt rolled back). Refusals (4xx) are not stored: nothing happened, so a
 * retry is judged afresh. A key reused for a different request is refused (422).
 * <p>
 * The use case checks the caller's access to the account before it calls {@link #run}: a stored
 * answer is the account's data, so another brand replaying a key gets 404 like any other request.
 */
@Component
public class Idempotency {

    /** An answer as sent: status, JSON body, Location header (or null); {@code replayed} on a repeat. */
    public record Answer(int status, String body, String location, boolean replayed) {
    }

    /**
     * A request that may be repeated: the caller's key (null or blank: none), the fingerprint of the
     * request, and how the web layer answers the use case's result (it owns the answer's shape).
     */
    public record Replayable<R>(String key, String fingerprint, Function<R, Answer> answer) {
    }

    private final CommandRunner runner;
    private final IdempotencyKeys keys;

    public Idempotency(CommandRunner runner, IdempotencyKeys keys) {
        this.runner = runner;
        this.keys = keys;
    }

    /** Runs {@code effect} as the unit of work of {@code accountId}, at most once per key. */
    public <R> Answer run(String accountId, Replayable<R> request, Function<Work, R> effect) {
        String key = request.key();
        boolean keyed = key != null && !key.isBlank();
        if (keyed && key.length() > 200) {
            throw new DomainException.BadRequest("Idempotency-Key must be at most 200 characters");
        }
        return runner.inAccount(accountId, work -> {
            if (!keyed) {
                return request.answer().apply(effect.apply(work));
            }
            var stored = keys.find(accountId, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(request.fingerprint())) {
                    throw new DomainException.RuleViolation("Idempotency-Key " + key
                            + " was already used for a different request; use a new key");
                }
                return new Answer(stored.get().status(), stored.get().body(), stored.get().location(), true);
            }
            Answer answer = request.answer().apply(effect.apply(work));
            keys.save(accountId, key, new IdempotencyKeys.Stored(request.fingerprint(), answer.status(),
                    answer.body(), answer.location()));
            return answer;
        });
    }
}
