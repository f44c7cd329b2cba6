package com.brandclosure.events;

/**
 * The account's one currency (ISO 4217) and one time zone (IANA id), decided once by payouts-service
 * with the account's first locking settings. contracts-service and funding-service adopt them and
 * refuse another currency or zone from then on; nothing changes them afterwards.
 */
public record AccountLocaleDecided(String accountId, String currency, String zone, java.time.Instant decidedAt) implements PayoutsEvent {
}
