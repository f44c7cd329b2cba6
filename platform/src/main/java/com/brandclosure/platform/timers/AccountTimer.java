package com.brandclosure.platform.timers;

import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;

import java.util.function.Consumer;

/**
 * The one shape of a timer whose id is {@code <accountId>|<key>} ({@link TimerIds}): firing reads the
 * account and key from the id, makes the timer's {@link CommandContext} and hands both to the
 * effect, which does its work through the command runner. A subclass is a small named component
 * that carries the {@link TimerKind} and passes its effect to the constructor, e.g.
 * {@code super(contexts, timer -> due.lock(timer.account(), LocalDate.parse(timer.key()), timer.context()))}.
 * The effect must be idempotent (a timer fires at least once).
 */
public abstract class AccountTimer implements TimerHandler {

    /** A timer as it fires: its account and key (from the id), its data, and the context to command with. */
    public record Fired(AccountId account, String key, String data, CommandContext context) {
    }

    private final CommandContexts contexts;
    private final Consumer<Fired> effect;

    protected AccountTimer(CommandContexts contexts, Consumer<Fired> effect) {
        this.contexts = contexts;
        this.effect = effect;
    }

    @Override
    public final void fire(String timerId, String data) {
        effect.accept(new Fired(AccountId.of(TimerIds.accountOf(timerId)), TimerIds.keyOf(timerId), data,
                contexts.forTimer(kind(), timerId)));
    }
}
