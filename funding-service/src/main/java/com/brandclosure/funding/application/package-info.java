/**
 * The use cases of funding-service, every one a unit of work of the platform's command runner:
 * account lock, load of the {@code funding:<accountId>} stream, decide, append; the outbox rows
 * (through {@code messaging.FundingPublication}) and the due timers commit with the events or not
 * at all. A consumed poll joins one unit: each account is loaded once per poll.
 * <p>
 * Invariants: the tenant check of a web call comes before anything is read or written; nothing here
 * reads the clock except through the {@code CommandContext}, whose {@code now} travels inside the
 * commands; no SQL, no direct inbox call.
 */
package com.brandclosure.funding.application;
