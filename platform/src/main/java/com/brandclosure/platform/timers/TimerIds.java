package com.brandclosure.platform.timers;

import java.util.Objects;

/**
 * The one timer-id format of every service: {@code <accountId>|<key>}. The account comes first so a
 * handler knows which account to lock before it loads anything; '|' never occurs in an account id.
 */
public final class TimerIds {

    private TimerIds() {
    }

    public static String of(String accountId, String key) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(key, "key");
        if (accountId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("account id may not contain '|': " + accountId);
        }
        return accountId + "|" + key;
    }

    public static String accountOf(String timerId) {
        int bar = timerId.indexOf('|');
        if (bar <= 0) {
            throw new IllegalArgumentException("timer id is not <accountId>|<key>: " + timerId);
        }
        return timerId.substring(0, bar);
    }

    public static String keyOf(String timerId) {
        int bar = timerId.indexOf('|');
        if (bar <= 0) {
            throw new IllegalArgumentException("timer id is not <accountId>|<key>: " + timerId);
        }
        return timerId.substring(bar + 1);
    }
}
