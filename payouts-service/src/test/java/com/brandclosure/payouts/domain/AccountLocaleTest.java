package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.DomainException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account's currency and zone are decided once: by the first settings, never by a conversion. */
class AccountLocaleTest {

    static final AccountLocale EUR_AUCKLAND = new AccountLocale(Currency.getInstance("EUR"), ZoneId.of("Pacific/Auckland"));

    @Test
    void given_nothing_decided_when_settings_arrive_then_they_decide() {
        assertThat(AccountLocale.decide("acme", Optional.empty(), EUR_AUCKLAND)).contains(EUR_AUCKLAND);
    }

    @Test
    void given_a_decision_when_the_same_locale_arrives_then_nothing_is_decided_again() {
        assertThat(AccountLocale.decide("acme", Optional.of(EUR_AUCKLAND), EUR_AUCKLAND)).isEmpty();
    }

    @Test
    void given_a_decision_when_another_currency_or_zone_arrives_then_it_is_refused_naming_both() {
        assertThatThrownBy(() -> AccountLocale.decide("acme", Optional.of(EUR_AUCKLAND),
                new AccountLocale(Currency.getInstance("USD"), ZoneId.of("Pacific/Auckland"))))
                .isInstanceOf(DomainException.Conflict.class).hasMessage("account acme's currency is EUR, not USD");
        assertThatThrownBy(() -> AccountLocale.decide("acme", Optional.of(EUR_AUCKLAND),
                new AccountLocale(Currency.getInstance("EUR"), ZoneId.of("America/Los_Angeles"))))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("account acme's time zone is Pacific/Auckland, not America/Los_Angeles");
    }

    @Test
    void given_a_zone_decided_when_it_arrives_spelled_otherwise_then_it_is_no_conflict_and_keeps_its_id() {
        var eurUtc = new AccountLocale(Currency.getInstance("EUR"), ZoneId.of("UTC"));
        for (String spelling : new String[] {"Etc/UTC", "Z", "GMT"}) {
            var asked = new AccountLocale(Currency.getInstance("EUR"), ZoneId.of(spelling));
            assertThat(AccountLocale.decide("acme", Optional.of(eurUtc), asked)).as(spelling).isEmpty();
            var settings = new LockingSettings(2, 3, ReferencePeriod.MONTH, 20, ZoneId.of(spelling),
                    Currency.getInstance("EUR"));
            assertThat(eurUtc.spelledAsDecided(settings)).as(spelling)
                    .isEqualTo(new LockingSettings(2, 3, ReferencePeriod.MONTH, 20, ZoneId.of("UTC"),
                            Currency.getInstance("EUR")));
        }
        var eurParis = new AccountLocale(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"));
        assertThatThrownBy(() -> AccountLocale.decide("acme", Optional.of(eurParis),
                new AccountLocale(Currency.getInstance("EUR"), ZoneId.of("America/Los_Angeles"))))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("account acme's time zone is Europe/Paris, not America/Los_Angeles");
    }
}
