package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.ContractCommand.CreateContract;
import com.brandclosure.contracts.domain.ContractCommand.ExpireContract;
import com.brandclosure.contracts.domain.ContractCommand.ExpireOnDeactivation;
import com.brandclosure.contracts.domain.ContractCommand.FireScheduledExpiry;
import com.brandclosure.contracts.domain.ContractCommand.ProposeSwitch;
import com.brandclosure.contracts.domain.ContractCommand.ScheduleSwitch;
import com.brandclosure.contracts.domain.ContractCommand.WithdrawSwitch;
import com.brandclosure.contracts.domain.ContractEvent.ContractCreated;
import com.brandclosure.contracts.domain.ContractEvent.ContractExpired;
import com.brandclosure.contracts.domain.ContractEvent.ContractExpiryScheduled;
import com.brandclosure.contracts.domain.ContractEvent.SwitchProposed;
import com.brandclosure.contracts.domain.ContractEvent.SwitchScheduled;
import com.brandclosure.contracts.domain.ContractEvent.SwitchWithdrawn;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerContractTest {

    private static final Decider<ContractCommand, ContractEvent, ContractState> contract =
            new Decider<>(ContractState.INITIAL, PartnerContract::decide, PartnerContract::evolve);

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant END_OF_DAY = Instant.parse("2026-03-10T23:59:59Z");
    private static final ContractCreated CREATED = new ContractCreated("c1", "acc", "p1", "https://brand.example/", T0);

    @AfterAll
    static void everyEventTypeIsCovered() {
        contract.assertCovered(ContractEvent.class);
    }

    @Test
    void creates_a_contract_once() {
        contract.given().when(new CreateContract("c1", "acc", "p1", "https://brand.example/", T0)).then(CREATED);
        contract.given(CREATED).when(new CreateContract("c1", "acc", "p1", "https://brand.example/", T0))
                .thenRefused(DomainException.Conflict.class, "already exists");
    }

    @Test
    void expiry_on_a_future_instant_is_scheduled_and_the_contract_stays_active_until_the_timer() {
        ContractState after = contract.given(CREATED)
                .when(new ExpireContract(END_OF_DAY, "bye", false, T0))
                .then(new ContractExpiryScheduled(END_OF_DAY, "bye", T0)).state();
        assertThat(after).isInstanceOf(ContractState.Active.class);

        var scheduled = new ContractExpiryScheduled(END_OF_DAY, "bye", T0);
        contract.given(CREATED, scheduled).when(new FireScheduledExpiry(END_OF_DAY.minusSeconds(1))).then();
        ContractState expired = contract.given(CREATED, scheduled)
                .when(new FireScheduledExpiry(END_OF_DAY.plusMillis(300)))
                .then(new ContractExpired(END_OF_DAY, "bye")).state();
        assertThat(expired).isInstanceOf(ContractState.Expired.class);
    }

    @Test
    void expiry_whose_instant_has_passed_expires_at_once() {
        contract.given(CREATED).when(new ExpireContract(END_OF_DAY, "bye", false, END_OF_DAY.plusMillis(1)))
                .then(new ContractExpired(END_OF_DAY, "bye"));
    }

    @Test
    void a_repeated_identical_expiry_changes_nothing_and_a_new_date_moves_the_schedule() {
        var scheduled = new ContractExpiryScheduled(END_OF_DAY, "bye", T0);
        contract.given(CREATED, scheduled).when(new ExpireContract(END_OF_DAY, "bye", false, T0)).then();
        Instant later = END_OF_DAY.plusSeconds(86_400);
        contract.given(CREATED, scheduled).when(new ExpireContract(later, "later", false, T0))
                .then(new ContractExpiryScheduled(later, "later", T0));
    }

    @Test
    void an_expired_contract_is_never_reactivated_nor_switched() {
        var expired = new ContractExpired(END_OF_DAY, "bye");
        contract.given(CREATED, expired).when(new ProposeSwitch("s1", "new terms", T0))
                .thenRefused(DomainException.Conflict.class, "expired contract");
        contract.given(CREATED, expired).when(new CreateContract("c1", "acc", "p1", "u", T0))
                .thenRefused(DomainException.Conflict.class, "already exists");
        contract.given(CREATED, expired).when(new ExpireContract(END_OF_DAY, "again", false, T0)).then();
    }

    @Test
    void switches_are_proposed_scheduled_and_withdrawn() {
        var proposed = new SwitchProposed("s1", "10% commission", T0);
        contract.given(CREATED).when(new ProposeSwitch("s1", "10% commission", T0)).then(proposed);
        Instant effective = Instant.parse("2026-04-01T00:00:00Z");
        contract.given(CREATED, proposed).when(new ScheduleSwitch("s2", "12%", effective, T0))
                .then(new SwitchScheduled("s2", "12%", effective, T0));
        contract.given(CREATED, proposed).when(new ScheduleSwitch("s1", "12%", effective, T0))
                .thenRefused(DomainException.Conflict.class, "already exists");
        contract.given(CREATED).when(new ScheduleSwitch("s2", "12%", T0.minusSeconds(1), T0))
                .thenRefused(InvalidInput.class, "future date");
        ContractState after = contract.given(CREATED, proposed).when(new WithdrawSwitch("s1", T0))
                .then(new SwitchWithdrawn("s1", T0)).state();
        assertThat(after.switches()).isEmpty();
        contract.given(CREATED).when(new WithdrawSwitch("nope", T0))
                .thenRefused(DomainException.NotFound.class, "no pending switch");
    }

    @Test
    void a_switch_cannot_take_effect_after_the_scheduled_expiry() {
        var scheduled = new ContractExpiryScheduled(END_OF_DAY, "bye", T0);
        contract.given(CREATED, scheduled).when(new ScheduleSwitch("s1", "x", END_OF_DAY.plusSeconds(1), T0))
                .thenRefused(DomainException.RuleViolation.class, "before that");
    }

    @Test
    void switches_survive_an_expiry_unless_it_withdraws_them() {
        Instant effective = Instant.parse("2026-03-20T00:00:00Z");
        var proposal = new SwitchProposed("s1", "a", T0);
        var scheduledSwitch = new SwitchScheduled("s2", "b", effective, T0);
        ContractState kept = contract.given(CREATED, proposal, scheduledSwitch)
                .when(new ExpireContract(END_OF_DAY, "bye", false, END_OF_DAY))
                .then(new ContractExpired(END_OF_DAY, "bye")).state();
        assertThat(kept.switches()).hasSize(2);

        ContractState cleaned = contract.given(CREATED, proposal, scheduledSwitch)
                .when(new ExpireContract(END_OF_DAY, "bye", true, END_OF_DAY))
                .then(new SwitchWithdrawn("s1", END_OF_DAY), new SwitchWithdrawn("s2", END_OF_DAY),
                        new ContractExpired(END_OF_DAY, "bye")).state();
        assertThat(cleaned.switches()).isEmpty();

        // A later bulk expiry with withdrawSwitches cleans up what an earlier one left.
        contract.given(CREATED, proposal, new ContractExpired(END_OF_DAY, "bye"))
                .when(new ExpireContract(END_OF_DAY, "x", true, END_OF_DAY))
                .then(new SwitchWithdrawn("s1", END_OF_DAY));
    }

    @Test
    void deactivation_expires_now_and_withdraws_every_switch() {
        Instant now = Instant.parse("2026-03-11T08:00:00Z");
        var proposal = new SwitchProposed("s1", "a", T0);
        contract.given(CREATED, proposal, new ContractExpiryScheduled(END_OF_DAY.plusSeconds(86_400 * 5), "x", T0))
                .when(new ExpireOnDeactivation(now))
                .then(new SwitchWithdrawn("s1", now), new ContractExpired(now, PartnerContract.DEACTIVATION_COMMENT));
        contract.given(CREATED, new ContractExpired(END_OF_DAY, "bye")).when(new ExpireOnDeactivation(now)).then();
    }

    @Test
    void a_contract_is_found_only_in_its_own_account() {
        ContractState active = contract.given(CREATED).state();
        ContractState expired = contract.given(CREATED, new ContractExpired(END_OF_DAY, "bye")).state();
        assertThat(PartnerContract.requireIn("acc", "c1", active)).isEqualTo(active);
        assertThat(PartnerContract.requireIn("acc", "c1", expired)).isEqualTo(expired);
        assertThatThrownBy(() -> PartnerContract.requireIn("other", "c1", active))
                .isInstanceOf(DomainException.NotFound.class).hasMessageContaining("not found in account other");
        assertThatThrownBy(() -> PartnerContract.requireIn("other", "c1", expired))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> PartnerContract.requireIn("acc", "c1", ContractState.INITIAL))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void unknown_contract_is_not_found() {
        contract.given().when(new ExpireContract(END_OF_DAY, "x", false, T0))
                .thenRefused(DomainException.NotFound.class, "not found");
        contract.given().when(new FireScheduledExpiry(T0)).then();
    }

    @Test
    void expiry_instant_is_end_of_day_in_the_account_time_zone_and_never_in_the_past() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant now = Instant.parse("2026-03-10T23:30:00Z"); // already 11 March in Berlin (UTC+1)
        assertThat(ExpiryPolicy.expiresAt(LocalDate.parse("2026-03-11"), berlin, now))
                .isEqualTo(Instant.parse("2026-03-11T22:59:59Z"));
        assertThatThrownBy(() -> ExpiryPolicy.expiresAt(LocalDate.parse("2026-03-10"), berlin, now))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("expireOn");
        assertThat(ExpiryPolicy.expiresAt(LocalDate.parse("2026-03-10"), ZoneId.of("UTC"), now))
                .isEqualTo(END_OF_DAY);
    }

    @Test
    void acknowledgement_is_required_and_says_what_to_acknowledge() {
        assertThatThrownBy(() -> ExpiryPolicy.requireAcknowledged(null))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("acknowledgeIrreversible");
        assertThatThrownBy(() -> ExpiryPolicy.requireAcknowledged(false))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("irreversible");
        ExpiryPolicy.requireAcknowledged(true);
    }
}
