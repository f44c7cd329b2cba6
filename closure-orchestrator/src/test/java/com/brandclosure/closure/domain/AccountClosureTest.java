package com.brandclosure.closure.domain;

import com.brandclosure.closure.domain.AccountClosureCommand.ApproveFinalReview;
import com.brandclosure.closure.domain.AccountClosureCommand.CancelClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.FireLockDateTimer;
import com.brandclosure.closure.domain.AccountClosureCommand.InitiateClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordFact;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordRefund;
import com.brandclosure.closure.domain.AccountClosureCommand.RejectFinalReview;
import com.brandclosure.closure.domain.AccountClosureEvent.AccountClosed;
import com.brandclosure.closure.domain.AccountClosureEvent.AccountDeactivated;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureCancelled;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureInitiated;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureRequested;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordFence;
import com.brandclosure.closure.domain.AccountClosureEvent.FenceConfirmed;
import com.brandclosure.closure.domain.AccountClosureEvent.FinalReviewApproved;
import com.brandclosure.closure.domain.AccountClosureEvent.FinalReviewRejected;
import com.brandclosure.closure.domain.AccountClosureEvent.LockDateScheduled;
import com.brandclosure.closure.domain.AccountClosureEvent.LockDateTimerCancelled;
import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionMet;
import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionRetracted;
import com.brandclosure.closure.domain.AccountClosureEvent.ReviewWithdrawn;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingFinalSettlement;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingLockDate;
import com.brandclosure.closure.domain.AccountClosureState.Preparing;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountClosureTest {

    static final AccountId ACCOUNT = AccountId.of("acme");
    /** The saga of ACCOUNT as the command runner uses it, in the test-kit's given/when/then. */
    static final Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState> SAGA = saga();

    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState> saga() {
        var decider = AccountClosure.decider(ACCOUNT);
        return new Decider<>(decider.initialState(), decider::decide, decider::evolve);
    }

    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given given(
            AccountClosureEvent... history) {
        return SAGA.given(history);
    }

    static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    // Times: facts arrive around T0; the lock date passes at LOCK_AT, after T0.
    static final Instant T0 = at("2026-03-02T10:00:00Z");
    static final Instant T1 = at("2026-03-02T11:00:00Z");
    static final LocalDate LOCK_DATE = LocalDate.parse("2026-03-10");
    static final Instant LOCK_AT = at("2026-03-10T23:59:59Z");
    static final Instant AFTER_LOCK = at("2026-03-11T08:00:00Z");
    static final LockDate LOCK = new LockDate(LOCK_DATE, LOCK_AT);
    static final LockDate LATER_LOCK = new LockDate(LocalDate.parse("2026-03-20"), at("2026-03-20T23:59:59Z"));
    static final LockDate PAST_LOCK = new LockDate(LocalDate.parse("2026-02-01"), at("2026-02-01T23:59:59Z"));
    /** The closure's one id (initiated at version 1): its state reports, its review tickets and its fences. */
    static final String TICKET = "CLO-acme-1";

    // ---- facts as the sources say them: n = the source version, and the position in the topic partition ----

    static SourceEvent source(Precondition p, long n) {
        return new SourceEvent(p.name().toLowerCase() + "-" + n, T0.plusSeconds(n), topicOf(p), 0, n, n);
    }

    static String topicOf(Precondition p) {
        return switch (p) {
            case CONTRACTS_EXPIRED -> "contracts.events";
            case PAYOUTS_SETTLED -> "payouts.events";
            case FUNDING_SUFFICIENT -> "funding.events";
            case CATALOGS_DELETED -> "catalog.events";
        };
    }

    static Fact holds(Precondition p, long offset) {
        return switch (p) {
            case PAYOUTS_SETTLED -> payoutsSettled(offset, LOCK);
            case FUNDING_SUFFICIENT -> new Fact(p, true, source(p, offset), null, 5_000L);
            default -> Fact.holds(p, source(p, offset));
        };
    }

    static Fact payoutsSettled(long offset, LockDate lockDate) {
        return new Fact(Precondition.PAYOUTS_SETTLED, true, source(Precondition.PAYOUTS_SETTLED, offset), lockDate,
                null);
    }

    static Fact funding(long offset, long balance) {
        return new Fact(Precondition.FUNDING_SUFFICIENT, true, source(Precondition.FUNDING_SUFFICIENT, offset), null,
                balance);
    }

    static Fact retracted(Precondition p, long offset) {
        return Fact.retracted(p, source(p, offset));
    }

    static PreconditionMet met(Fact f, Instant at) {
        return new PreconditionMet(f, at);
    }

    static RecordFact record(Fact f, Instant now) {
        return new RecordFact(f, now);
    }

    static AccountClosureEvent[] allFactsMet(LockDate lockDate) {
        return new AccountClosureEvent[]{
                met(holds(Precondition.CONTRACTS_EXPIRED, 1), T0),
                met(payoutsSettled(1, lockDate), T0),
                met(holds(Precondition.FUNDING_SUFFICIENT, 1), T0),
                met(holds(Precondition.CATALOGS_DELETED, 1), T0)};
    }

    static final ClosureInitiated INITIATED = new ClosureInitiated("brand-admin", "moving on", T0);

    /** Initiated, every precondition met, waiting for LOCK_AT (schedule 1). */
    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given awaitingLockDate() {
        return given(INITIATED).andGiven(allFactsMet(LOCK))
                .andGiven(new LockDateScheduled(LOCK, LOCK_AT, 1, T0));
    }

    /** ... and the lock date passed: under review with ticket 1. Version 7. */
    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given underReview() {
        return awaitingLockDate().andGiven(new ClosureRequested(TICKET, AFTER_LOCK));
    }

    static final LocalDate CLOSURE_DATE = LocalDate.parse("2026-03-11");

    /** ... approved: Deactivating, no service has fenced yet. */
    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given deactivating() {
        return underReview().andGiven(new FinalReviewApproved(TICKET, "support-agent", 7, AFTER_LOCK, CLOSURE_DATE));
    }

    static FenceConfirmed fenced(String service) {
        return new FenceConfirmed(service, TICKET, AFTER_LOCK, AFTER_LOCK);
    }

    static AccountClosureEvent[] allFenced() {
        return Fences.SERVICES.stream().map(AccountClosureTest::fenced).toArray(AccountClosureEvent[]::new);
    }

    static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given deactivated() {
        return deactivating().andGiven(allFenced()).andGiven(new AccountDeactivated(CLOSURE_DATE, AFTER_LOCK));
    }

    @AfterAll
    static void everyEventTypeIsDecidedBySomeScenario() {
        SAGA.assertCovered(AccountClosureEvent.class);
    }

    @Nested
    class BeforeInitiation {

        @Test
        void factsArrivingBeforeInitiationAreKept() {
            var fact = holds(Precondition.CONTRACTS_EXPIRED, 3);
            var state = given().when(record(fact, T0)).then(met(fact, T0)).state();
            assertThat(state).isInstanceOf(AccountClosureState.NotInitiated.class);
            assertThat(state.ledger().facts().of(Precondition.CONTRACTS_EXPIRED)).contains(fact);
        }

        @Test
        void initiationWithoutFactsPreparesAndWaitsOnAllFour() {
            var state = given().when(new InitiateClosure("brand-admin", "moving on", T0)).then(INITIATED).state();
            assertThat(state).isInstanceOf(Preparing.class);
            assertThat(state.ledger().facts().unmet()).containsExactly(Precondition.values());
        }

        @Test
        void initiationSeesFactsGatheredBeforeAndWaitsForTheLockDate() {
            given(allFactsMet(LOCK))
                    .when(new InitiateClosure("brand-admin", "moving on", T0))
                    .then(INITIATED, new LockDateScheduled(LOCK, LOCK_AT, 1, T0));
        }

        @Test
        void initiationWithEveryFactAndTheLockDatePassedRequestsClosureAtOnce() {
            given(allFactsMet(PAST_LOCK))
                    .when(new InitiateClosure("brand-admin", "moving on", T0))
                    .then(INITIATED, new LockDateScheduled(PAST_LOCK, PAST_LOCK.passesAt(), 1, T0),
                            // The closure's id is named by its initiation, the 5th event here.
                            new ClosureRequested("CLO-acme-5", T0));
        }

        @Test
        void noLockDateAheadMeansNothingToWaitFor() {
            given(INITIATED).andGiven(Arrays.copyOf(allFactsMet(LOCK), 3))
                    .andGiven(met(holds(Precondition.CONTRACTS_EXPIRED, 2), T0))
                    .when(record(holds(Precondition.CATALOGS_DELETED, 1), T0))
                    .then(met(holds(Precondition.CATALOGS_DELETED, 1), T0),
                            new LockDateScheduled(LOCK, LOCK_AT, 1, T0));
            var noLockDate = payoutsSettled(1, null);
            given(INITIATED, met(holds(Precondition.CONTRACTS_EXPIRED, 1), T0),
                    met(holds(Precondition.FUNDING_SUFFICIENT, 1), T0), met(holds(Precondition.CATALOGS_DELETED, 1), T0))
                    .when(record(noLockDate, T1))
                    .then(met(noLockDate, T1), new LockDateScheduled(null, T1, 1, T1), new ClosureRequested(TICKET, T1));
        }

        @Test
        void initiatingTwiceIsAConflictNamingTheState() {
            assertThat(given(INITIATED).when(new InitiateClosure("brand-admin", "again", T1))
                    .thenRefused(DomainException.Conflict.class, "already in progress")).hasMessageContaining("Preparing");
            underReview().when(new InitiateClosure("brand-admin", "again", T1))
                    .thenRefused(DomainException.Conflict.class, "ClosureRequested");
        }

        @Test
        void initiationNeedsAReason() {
            given().when(new InitiateClosure("brand-admin", " ", T0))
                    .thenRefused(DomainException.BadRequest.class, "reason");
        }
    }

    @Nested
    class Preconditions {

        @Test
        void theLastPreconditionMetStartsTheWaitForTheLockDate() {
            var last = holds(Precondition.FUNDING_SUFFICIENT, 1);
            var state = given(INITIATED, met(holds(Precondition.CONTRACTS_EXPIRED, 1), T0),
                    met(payoutsSettled(1, LOCK), T0), met(holds(Precondition.CATALOGS_DELETED, 1), T0))
                    .when(record(last, T1))
                    .then(met(last, T1), new LockDateScheduled(LOCK, LOCK_AT, 1, T1)).state();
            assertThat(state).isInstanceOfSatisfying(AwaitingLockDate.class, a -> {
                assertThat(a.fireAt()).isEqualTo(LOCK_AT);
                assertThat(a.since()).isEqualTo(T1);
            });
        }

        @Test
        void aRetractionWhilePreparingIsRecorded() {
            var retraction = retracted(Precondition.CATALOGS_DELETED, 2);
            var state = given(INITIATED, met(holds(Precondition.CATALOGS_DELETED, 1), T0))
                    .when(record(retraction, T1)).then(new PreconditionRetracted(retraction, T1)).state();
            assertThat(state).isInstanceOf(Preparing.class);
            assertThat(state.ledger().facts().unmet()).contains(Precondition.CATALOGS_DELETED);
        }

        @Test
        void aDuplicateSummaryEventChangesNothing() {
            awaitingLockDate().when(record(holds(Precondition.CONTRACTS_EXPIRED, 1), T1)).thenNothing();
        }

        @Test
        void anOlderSummaryEventArrivingLateChangesNothing() {
            // Retracted at offset 5, then re-met at offset 9; the retraction is delivered last.
            var given = given(INITIATED).andGiven(met(holds(Precondition.CONTRACTS_EXPIRED, 9), T0));
            given.when(record(retracted(Precondition.CONTRACTS_EXPIRED, 5), T1)).thenNothing();
        }

        @Test
        void withoutSourceVersionsAcrossPartitionsTheSourceTimeDecides() {
            // Facts recorded before sources published versions (0 = unknown), from a re-partitioned topic.
            var newer = new Fact(Precondition.CATALOGS_DELETED, false,
                    new SourceEvent("b", T1, "catalog.events", 3, 2, 0), null, null);
            var older = new Fact(Precondition.CATALOGS_DELETED, true,
                    new SourceEvent("a", T0, "catalog.events", 1, 500, 0), null, null);
            given(INITIATED, new PreconditionRetracted(newer, T1)).when(record(older, T1)).thenNothing();
            given(INITIATED, met(older, T0)).when(record(newer, T1)).then(new PreconditionRetracted(newer, T1));
        }

        // ---- the source's version orders facts, whatever partition, offset or occurredAt say ----

        static Fact fundingFact(boolean holds, long sourceVersion, Instant occurredAt, int partition, long offset) {
            return new Fact(Precondition.FUNDING_SUFFICIENT, holds, new SourceEvent("funding-v" + sourceVersion
                    + "-" + offset, occurredAt, "funding.events", partition, offset, sourceVersion), null, 5_000L);
        }

        @Test
        void aStaleFactReplayedToTheEndOfItsTopicChangesNothing() {
            // FundingSufficient v4 (offset 10), FundingInsufficient v5 (offset 11); v4 replayed at offset 40.
            var insufficient = fundingFact(false, 5, T0.plusSeconds(5), 0, 11);
            var replayed = fundingFact(true, 4, T1, 0, 40);
            var then = given(INITIATED, met(fundingFact(true, 4, T0, 0, 10), T0),
                    new PreconditionRetracted(insufficient, T0))
                    .when(record(replayed, T1)).thenNothing();
            assertThat(then.state().ledger().facts().of(Precondition.FUNDING_SUFFICIENT)).contains(insufficient);
            assertThat(then.state().ledger().facts().unmet()).contains(Precondition.FUNDING_SUFFICIENT);
        }

        @Test
        void theSameSourceVersionAgainIsADuplicateEvenFromAnotherPosition() {
            // Re-sent by the source's outbox after a crash: same version, new partition and offset, later time.
            var first = fundingFact(true, 7, T0, 0, 10);
            var resent = new Fact(Precondition.FUNDING_SUFFICIENT, false, new SourceEvent("funding-v7-resent", T1,
                    "funding.events", 2, 99, 7), null, 5_000L);
            given(INITIATED, met(first, T0)).when(record(resent, T1)).thenNothing();
        }

        @Test
        void aHigherVersionFromAnotherPartitionWinsWhateverItsOffset() {
            var current = fundingFact(true, 4, T0, 0, 500);
            var higher = fundingFact(false, 5, T0.plusSeconds(1), 3, 2);
            given(INITIATED, met(current, T0)).when(record(higher, T1))
                    .then(new PreconditionRetracted(higher, T1));
        }

        @Test
        void aHigherVersionWithAnOlderOccurredAtWins() {
            // The source's instances' clocks differ: the later word may say it happened earlier.
            var current = fundingFact(false, 8, T1, 0, 20);
            var higher = fundingFact(true, 9, T0, 0, 21);
            var state = given(INITIATED, new PreconditionRetracted(current, T1)).when(record(higher, T1))
                    .then(met(higher, T1)).state();
            assertThat(state.ledger().facts().of(Precondition.FUNDING_SUFFICIENT)).contains(higher);
        }

        @Test
        void aLowerVersionWithALaterOccurredAtAndOffsetChangesNothing() {
            var current = fundingFact(true, 9, T0, 0, 21);
            given(INITIATED, met(current, T0)).when(record(fundingFact(false, 8, T1, 0, 60), T1)).thenNothing();
        }

        @Test
        void aKnownVersionSupersedesAFactRecordedWithoutOneAndAnUnknownOneNeverSupersedesAKnownOne() {
            var legacy = fundingFact(true, 0, T1, 0, 900);
            var versioned = fundingFact(false, 1, T0, 0, 3);
            given(INITIATED, met(legacy, T0)).when(record(versioned, T1)).then(new PreconditionRetracted(versioned, T1));
            given(INITIATED, new PreconditionRetracted(versioned, T0)).when(record(legacy, T1)).thenNothing();
        }

        @Test
        void whateverOrderTheSummaryEventsArriveInTheOutcomeIsTheSame() {
            // Each precondition flips: met (offset 1), retracted (2), met again (3); topics interleave at random.
            List<Fact> perTopic = new ArrayList<>();
            for (Precondition p : Precondition.values()) {
                perTopic.add(p == Precondition.PAYOUTS_SETTLED ? payoutsSettled(1, PAST_LOCK) : holds(p, 1));
                perTopic.add(retracted(p, 2));
                perTopic.add(p == Precondition.PAYOUTS_SETTLED ? payoutsSettled(3, PAST_LOCK) : holds(p, 3));
            }
            var random = new java.util.Random(42);
            for (int round = 0; round < 200; round++) {
                List<Fact> arrival = new ArrayList<>(perTopic);
                java.util.Collections.shuffle(arrival, random);
                // Sometimes duplicated, sometimes an older word delivered after a newer one.
                arrival.add(arrival.get(random.nextInt(arrival.size())));
                AccountClosureState s = AccountClosure.fold(AccountClosure.initial(ACCOUNT), List.of(INITIATED));
                for (Fact f : arrival) {
                    s = AccountClosure.fold(s, AccountClosure.decide(record(f, AFTER_LOCK), s));
                }
                assertThat(s.ledger().facts().allHold()).as("round %d: %s", round, arrival).isTrue();
                assertThat(s.ledger().facts().latest().values()).allSatisfy(f -> assertThat(f.source().offset()).isEqualTo(3));
                assertThat(s).as("round %d", round).isInstanceOf(AccountClosureState.ClosureRequested.class);
            }
        }
    }

    @Nested
    class LockDateTimer {

        @Test
        void theTimerOfTheCurrentScheduleRequestsClosure() {
            var state = awaitingLockDate().when(new FireLockDateTimer(1, AFTER_LOCK))
                    .then(new ClosureRequested(TICKET, AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(AccountClosureState.ClosureRequested.class,
                    r -> assertThat(r.ticketId()).isEqualTo(TICKET));
        }

        @Test
        void aLaterLockDateReschedulesAndTheOldTimerIsStale() {
            var later = payoutsSettled(2, LATER_LOCK);
            var rescheduled = awaitingLockDate().when(record(later, T1))
                    .then(met(later, T1), new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 2, T1)).state();
            assertThat(rescheduled).isInstanceOfSatisfying(AwaitingLockDate.class, a -> {
                assertThat(a.scheduleVersion()).isEqualTo(2);
                assertThat(a.since()).as("still waiting since the first schedule").isEqualTo(T0);
            });
            awaitingLockDate().andGiven(met(later, T1), new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 2, T1))
                    .when(new FireLockDateTimer(1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void aTimerFiringAfterTheSagaWentBackToPreparingDoesNothing() {
            awaitingLockDate().andGiven(new PreconditionRetracted(retracted(Precondition.CATALOGS_DELETED, 2), T1),
                            new LockDateTimerCancelled(1, "precondition no longer holds", T1))
                    .when(new FireLockDateTimer(1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void aTimerFiringTwiceRequestsClosureOnce() {
            underReview().when(new FireLockDateTimer(1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void aTimerFiringBeforeItsTimeIsSetAgain() {
            awaitingLockDate().when(new FireLockDateTimer(1, T1))
                    .then(new LockDateScheduled(LOCK, LOCK_AT, 2, T1));
        }

        @Test
        void anEarlierLockDateAlreadyPassedGoesStraightOn() {
            var earlier = payoutsSettled(2, PAST_LOCK);
            awaitingLockDate().when(record(earlier, T1)).then(met(earlier, T1),
                    new LockDateScheduled(PAST_LOCK, PAST_LOCK.passesAt(), 2, T1), new ClosureRequested(TICKET, T1));
        }
    }

    @Nested
    class Retractions {

        @ParameterizedTest
        @EnumSource(Precondition.class)
        void aRetractionWhileAwaitingTheLockDateCancelsTheTimerAndGoesBackToPreparing(Precondition p) {
            var retraction = retracted(p, 2);
            var state = awaitingLockDate().when(record(retraction, T1)).then(
                    new PreconditionRetracted(retraction, T1),
                    new LockDateTimerCancelled(1, "precondition no longer holds: [" + p + "]", T1)).state();
            assertThat(state).isInstanceOf(Preparing.class);
        }

        @ParameterizedTest
        @EnumSource(Precondition.class)
        void aRetractionDuringTheReviewWithdrawsItAndGoesBackToPreparing(Precondition p) {
            var retraction = retracted(p, 2);
            var state = underReview().when(record(retraction, AFTER_LOCK)).then(
                    new PreconditionRetracted(retraction, AFTER_LOCK),
                    new ReviewWithdrawn(TICKET, "precondition no longer holds: [" + p + "]", AFTER_LOCK)).state();
            assertThat(state).isInstanceOf(Preparing.class);
        }

        @Test
        void aLaterLockDateDuringTheReviewWithdrawsItAndWaitsAgain() {
            var later = payoutsSettled(2, LATER_LOCK);
            underReview().when(record(later, AFTER_LOCK)).then(met(later, AFTER_LOCK),
                    new ReviewWithdrawn(TICKET, "a later lock date lies ahead: 2026-03-20", AFTER_LOCK),
                    new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 2, AFTER_LOCK));
        }

        @Test
        void theNextReviewOfTheSameClosureKeepsTheClosuresId() {
            var retraction = retracted(Precondition.CATALOGS_DELETED, 2);
            var back = holds(Precondition.CATALOGS_DELETED, 3);
            var state = underReview().andGiven(new PreconditionRetracted(retraction, AFTER_LOCK),
                            new ReviewWithdrawn(TICKET, "precondition no longer holds", AFTER_LOCK))
                    .when(record(back, AFTER_LOCK)).then(met(back, AFTER_LOCK),
                            new LockDateScheduled(LOCK, LOCK_AT, 2, AFTER_LOCK),
                            new ClosureRequested(TICKET, AFTER_LOCK)).state();
            assertThat(state.ledger().reviews()).as("the review count still rises").isEqualTo(2);
        }
    }

    @Nested
    class FinalReview {

        @Test
        void approvalOfTheCurrentEvidenceDeactivatesTheAccount() {
            // Approval puts the closure in Deactivating; the fourth fence deactivates it (see Deactivation).
            var approved = underReview().when(new ApproveFinalReview("support-agent", 7, AFTER_LOCK)).then(
                    new FinalReviewApproved(TICKET, "support-agent", 7, AFTER_LOCK, CLOSURE_DATE));
            assertThat(approved.state()).isInstanceOf(AccountClosureState.Deactivating.class);
            var state = approved.andGiven(fenced("contracts-service"), fenced("payouts-service"),
                    fenced("funding-service")).when(new RecordFence("catalog-service", TICKET, T1, AFTER_LOCK)).then(
                    new FenceConfirmed("catalog-service", TICKET, T1, AFTER_LOCK),
                    new AccountDeactivated(LocalDate.parse("2026-03-11"), AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(AwaitingFinalSettlement.class,
                    d -> assertThat(d.closureDate()).isEqualTo(LocalDate.parse("2026-03-11")));
        }

        @Test
        void theVersionIsTheNumberOfEvents() {
            assertThat(underReview().state().ledger().version()).isEqualTo(7);
        }

        @Test
        void approvalOfStaleEvidenceIsRefused() {
            // The reviewer looked at version 7; a re-affirmed fact arrived since (version 8).
            assertThat(underReview().andGiven(met(holds(Precondition.CATALOGS_DELETED, 2), AFTER_LOCK))
                    .when(new ApproveFinalReview("support-agent", 7, AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "changed since version 7"))
                    .hasMessageContaining("version 8");
        }

        @Test
        void theInitiatorMayNotApprove() {
            assertThat(underReview().when(new ApproveFinalReview("brand-admin", 7, AFTER_LOCK))
                    .thenRefused(ApproverIsInitiator.class, "someone other than")).hasMessageContaining("brand-admin");
        }

        @Test
        void approvingAClosureNotUnderReviewIsAConflictNamingTheState() {
            assertThat(awaitingLockDate().when(new ApproveFinalReview("support-agent", 6, T1))
                    .thenRefused(DomainException.Conflict.class, "AwaitingLockDate"))
                    .hasMessageContaining("only a closure in ClosureRequested");
            given(INITIATED).when(new ApproveFinalReview("support-agent", 1, T1))
                    .thenRefused(DomainException.Conflict.class, "Preparing");
        }

        @Test
        void approvingAnUnknownClosureIsNotFound() {
            given().when(new ApproveFinalReview("support-agent", 0, T1))
                    .thenRefused(DomainException.NotFound.class, "acme");
            given(allFactsMet(LOCK)).when(new RejectFinalReview("support-agent", List.of("x"), T1))
                    .thenRefused(DomainException.NotFound.class, "has no closure");
        }

        @Test
        void rejectionGoesBackToPreparingAndHoldsUntilNewEvidence() {
            var state = underReview().when(new RejectFinalReview("support-agent", List.of("open invoice"), AFTER_LOCK))
                    .then(new FinalReviewRejected(TICKET, "support-agent", List.of("open invoice"), AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(Preparing.class, p -> {
                assertThat(p.rejectionReasons()).containsExactly("open invoice");
                assertThat(p.heldForNewEvidence()).isTrue();
            });
            // Same evidence: the review is not reopened. New evidence: the saga moves again.
            var rejected = underReview().andGiven(
                    new FinalReviewRejected(TICKET, "support-agent", List.of("open invoice"), AFTER_LOCK));
            rejected.when(record(holds(Precondition.CATALOGS_DELETED, 1), AFTER_LOCK)).thenNothing();
            var newWord = funding(2, 4_000);
            rejected.when(record(newWord, AFTER_LOCK)).then(met(newWord, AFTER_LOCK),
                    new LockDateScheduled(LOCK, LOCK_AT, 2, AFTER_LOCK), new ClosureRequested(TICKET, AFTER_LOCK));
        }

        @Test
        void rejectionNeedsReasons() {
            underReview().when(new RejectFinalReview("support-agent", List.of(), AFTER_LOCK))
                    .thenRefused(DomainException.BadRequest.class, "reason");
            awaitingLockDate().when(new RejectFinalReview("support-agent", List.of("x"), AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "AwaitingLockDate");
        }
    }

    @Nested
    class Cancellation {

        @Test
        void whilePreparing() {
            var state = given(INITIATED).when(new CancelClosure("brand-admin", "changed our mind", T1))
                    .then(new ClosureCancelled("brand-admin", "changed our mind", T1)).state();
            assertThat(state).isInstanceOf(AccountClosureState.ClosureCancelled.class);
        }

        @Test
        void whileAwaitingTheLockDateTheTimerIsCancelledFirst() {
            awaitingLockDate().when(new CancelClosure("brand-admin", "changed our mind", T1)).then(
                    new LockDateTimerCancelled(1, "closure cancelled", T1),
                    new ClosureCancelled("brand-admin", "changed our mind", T1));
        }

        @Test
        void duringTheReviewTheReviewIsWithdrawnFirst() {
            underReview().when(new CancelClosure("brand-admin", "changed our mind", AFTER_LOCK)).then(
                    new ReviewWithdrawn(TICKET, "closure cancelled", AFTER_LOCK),
                    new ClosureCancelled("brand-admin", "changed our mind", AFTER_LOCK));
        }

        @Test
        void aCancelledClosureCannotBeCancelledAgainButCanBeStartedAgainWithTheFactsKnown() {
            var cancelled = awaitingLockDate().andGiven(new LockDateTimerCancelled(1, "closure cancelled", T1),
                    new ClosureCancelled("brand-admin", "changed our mind", T1));
            cancelled.when(new CancelClosure("brand-admin", "again", T1))
                    .thenRefused(DomainException.Conflict.class, "already ClosureCancelled");
            cancelled.when(new InitiateClosure("brand-admin", "for real now", AFTER_LOCK)).then(
                    new ClosureInitiated("brand-admin", "for real now", AFTER_LOCK),
                    // A closure started again is a new closure with its own id (its initiation is the 9th event).
                    new LockDateScheduled(LOCK, LOCK_AT, 2, AFTER_LOCK), new ClosureRequested("CLO-acme-9", AFTER_LOCK));
        }

        @Test
        void cancellingAnUnknownClosureIsNotFound() {
            given().when(new CancelClosure("brand-admin", "x", T1)).thenRefused(DomainException.NotFound.class, "acme");
        }

        @Test
        void aStaleTimerAfterCancellationDoesNothing() {
            awaitingLockDate().andGiven(new LockDateTimerCancelled(1, "closure cancelled", T1),
                            new ClosureCancelled("brand-admin", "changed our mind", T1))
                    .when(new FireLockDateTimer(1, AFTER_LOCK)).thenNothing();
        }
    }

    @Nested
    class AfterDeactivation {

        static List<AccountClosureCommand> peoplesCommands() {
            return List.of(new InitiateClosure("brand-admin", "again", AFTER_LOCK),
                    new CancelClosure("brand-admin", "too late", AFTER_LOCK),
                    new ApproveFinalReview("other-agent", 9, AFTER_LOCK),
                    new RejectFinalReview("other-agent", List.of("oops"), AFTER_LOCK));
        }

        @Test
        void noCommandLeavesADeactivatedAccount() {
            for (AccountClosureCommand c : peoplesCommands()) {
                deactivated().when(c).thenRefused(DomainException.Conflict.class, "AwaitingFinalSettlement");
            }
            var retraction = retracted(Precondition.CONTRACTS_EXPIRED, 2);
            assertThat(deactivated().when(record(retraction, AFTER_LOCK)).thenMatches(events -> { }).state())
                    .isInstanceOf(AwaitingFinalSettlement.class);
            deactivated().when(new FireLockDateTimer(1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void theRefundClosesTheAccountForGood() {
            var closed = deactivated().when(new RecordRefund("refund-1", source(Precondition.FUNDING_SUFFICIENT, 9),
                    AFTER_LOCK)).then(new AccountClosed("refund-1", AFTER_LOCK)).state();
            assertThat(closed).isInstanceOf(AccountClosureState.AccountClosed.class);
            var history = deactivated().andGiven(new AccountClosed("refund-1", AFTER_LOCK));
            for (AccountClosureCommand c : peoplesCommands()) {
                assertThat(history.when(c).thenRefused(DomainException.Conflict.class, "AccountClosed"))
                        .hasMessageContaining("irreversible");
            }
            history.when(record(retracted(Precondition.CATALOGS_DELETED, 4), AFTER_LOCK)).thenNothing();
        }

        @Test
        void aRefundBeforeDeactivationIsNotTheSagasBusiness() {
            underReview().when(new RecordRefund("refund-1", source(Precondition.FUNDING_SUFFICIENT, 9), AFTER_LOCK))
                    .thenNothing();
        }

        @Test
        void aZeroBalanceSummaryAfterDeactivationDoesNotCloseTheAccountOnlyTheRefundDoes() {
            // Funding summarises only on a flip, so a zero balance in a summary can be stale: money
            // deposited before costs were approved would be left unrefunded if this closed the account.
            var zero = funding(5, 0);
            deactivated().when(record(zero, AFTER_LOCK)).then(met(zero, AFTER_LOCK));
        }

        @Test
        void aZeroBalanceSeenBeforeApprovalStillWaitsForFundingsFinalRefund() {
            var zero = funding(2, 0);
            underReview().andGiven(met(zero, AFTER_LOCK))
                    .when(new ApproveFinalReview("support-agent", 8, AFTER_LOCK)).then(
                            new FinalReviewApproved(TICKET, "support-agent", 8, AFTER_LOCK, CLOSURE_DATE));
            var approvedWithZero = underReview().andGiven(met(zero, AFTER_LOCK))
                    .andGiven(new FinalReviewApproved(TICKET, "support-agent", 8, AFTER_LOCK, CLOSURE_DATE),
                            fenced("contracts-service"), fenced("payouts-service"), fenced("funding-service"));
            approvedWithZero.when(new RecordFence("catalog-service", TICKET, AFTER_LOCK, AFTER_LOCK)).then(
                    fenced("catalog-service"), new AccountDeactivated(LocalDate.parse("2026-03-11"), AFTER_LOCK));
        }
    }

    @Nested
    class Deactivation {

        @Test
        void approvalWaitsForEveryServiceToFenceAndTheClosureNamesTheMissingOnes() {
            var state = deactivating().when(new RecordFence("payouts-service", TICKET, T1, AFTER_LOCK))
                    .then(new FenceConfirmed("payouts-service", TICKET, T1, AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(AccountClosureState.Deactivating.class, d -> {
                assertThat(d.fences()).containsOnlyKeys("payouts-service");
                assertThat(d.missingFences()).containsExactly("contracts-service", "funding-service",
                        "catalog-service");
                assertThat(d.closureDate()).isEqualTo(CLOSURE_DATE);
            });
        }

        @Test
        void theFourthFenceDeactivatesWithTheClosureDateOfTheApproval() {
            var later = at("2026-03-12T09:00:00Z");
            var state = deactivating().andGiven(fenced("contracts-service"), fenced("funding-service"),
                            fenced("catalog-service"))
                    .when(new RecordFence("payouts-service", TICKET, later, later))
                    .then(new FenceConfirmed("payouts-service", TICKET, later, later),
                            new AccountDeactivated(CLOSURE_DATE, later)).state();
            assertThat(state).isInstanceOfSatisfying(AwaitingFinalSettlement.class,
                    d -> assertThat(d.closureDate()).isEqualTo(CLOSURE_DATE));
        }

        @Test
        void aDuplicateFenceChangesNothing() {
            deactivating().andGiven(fenced("funding-service"))
                    .when(new RecordFence("funding-service", TICKET, T1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void aFenceAfterDeactivationOrForAnotherClosureOrFromAnUnknownServiceChangesNothing() {
            deactivated().when(new RecordFence("funding-service", TICKET, T1, AFTER_LOCK)).thenNothing();
            deactivating().when(new RecordFence("funding-service", "CLS-acme-0", T1, AFTER_LOCK)).thenNothing();
            deactivating().when(new RecordFence("billing-service", TICKET, T1, AFTER_LOCK)).thenNothing();
            underReview().when(new RecordFence("funding-service", TICKET, T1, AFTER_LOCK)).thenNothing();
        }

        @Test
        void aDeactivatingClosureCannotBeCancelledNorReviewedAgain() {
            deactivating().when(new CancelClosure("brand-admin", "changed my mind", AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "Deactivating");
            deactivating().when(new ApproveFinalReview("other-agent", 8, AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "irreversible");
        }

        /*
         * Found by the deterministic simulation (module simulation, seeds 4, 260, 408 of 1..1000): a retraction
         * published before a service's fence (a catalog created, a conversion tracked between the approval and
         * the fence) used to be recorded and then ignored: the fourth fence deactivated the account with a live
         * catalog. A source's word before its fence arrives before that fence, so with the four fences in the
         * saga's facts are the sources' last words: they must hold.
         */
        @Test
        void aRetractionThatRacedTheApprovalHoldsTheDeactivationUntilThePreconditionHoldsAgain() {
            var retraction = retracted(Precondition.CATALOGS_DELETED, 2);
            var held = deactivating().when(record(retraction, AFTER_LOCK))
                    .then(new PreconditionRetracted(retraction, AFTER_LOCK))
                    .andGiven(fenced("contracts-service"), fenced("payouts-service"), fenced("funding-service"))
                    .when(new RecordFence("catalog-service", TICKET, AFTER_LOCK, AFTER_LOCK))
                    .then(fenced("catalog-service"));
            assertThat(held.state()).isInstanceOfSatisfying(AccountClosureState.Deactivating.class, d -> {
                assertThat(d.missingFences()).isEmpty();
                assertThat(com.brandclosure.closure.application.ClosureStatus.of(d, Deadlines.DEFAULTS).waitingOn())
                        .containsExactly("CATALOGS_DELETED");
            });
            var deleted = holds(Precondition.CATALOGS_DELETED, 3);
            var later = AFTER_LOCK.plusSeconds(600);
            held.andGiven().when(record(deleted, later))
                    .then(met(deleted, later), new AccountDeactivated(CLOSURE_DATE, later));
        }

        /*
         * Simulation seeds 611 and 746: a contract signed between the approval and the contracts fence moved
         * payouts' last lock date past the deactivation. The closure waits in Deactivating for that lock date,
         * with the lock-date timer set, and deactivates when it fires.
         */
        @Test
        void aLockDateMovedLaterBeforeTheFencesWaitsForItsTimerBeforeDeactivating() {
            var moved = payoutsSettled(2, LATER_LOCK);
            var waiting = deactivating().andGiven(allFenced()).when(record(moved, AFTER_LOCK))
                    .then(met(moved, AFTER_LOCK), new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 2, AFTER_LOCK));
            assertThat(waiting.state()).isInstanceOfSatisfying(AccountClosureState.Deactivating.class, d -> {
                assertThat(d.wakeAt()).isEqualTo(LATER_LOCK.passesAt());
                assertThat(AccountClosure.lockDateWait(d)).contains(new AccountClosure.LockDateWait(2, LATER_LOCK.passesAt()));
                assertThat(com.brandclosure.closure.application.ClosureStatus.of(d, Deadlines.DEFAULTS).waitingOn())
                        .containsExactly("LOCK_DATE");
            });
            // A fact that changes nothing sets no second timer; a timer firing early is set again.
            var funding = funding(2, 9_000);
            waiting.andGiven().when(record(funding, AFTER_LOCK)).then(met(funding, AFTER_LOCK));
            waiting.andGiven().when(new FireLockDateTimer(2, AFTER_LOCK))
                    .then(new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 3, AFTER_LOCK));
            var passed = LATER_LOCK.passesAt().plusSeconds(1);
            waiting.andGiven().when(new FireLockDateTimer(1, passed)).thenNothing();
            var closed = waiting.andGiven().when(new FireLockDateTimer(2, passed))
                    .then(new AccountDeactivated(CLOSURE_DATE, passed)).state();
            assertThat(AccountClosure.lockDateWait(closed)).isEmpty();
        }

        @Test
        void aStreamStoredBeforeDeactivatingExistedStillFolds() {
            // Then FinalReviewApproved had no closure date and AccountDeactivated followed in the same append.
            var state = underReview().andGiven(new FinalReviewApproved(TICKET, "support-agent", 7, AFTER_LOCK, null),
                    new AccountDeactivated(CLOSURE_DATE, AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(AwaitingFinalSettlement.class,
                    d -> assertThat(d.closureDate()).isEqualTo(CLOSURE_DATE));
        }
    }

    /** The closure date is the approval's day in the account's zone, which payouts' lock date names. */
    @Nested
    class ClosureDateInTheAccountsZone {

        Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given underReviewIn(String zone) {
            var id = java.time.ZoneId.of(zone);
            var lockDate = LocalDate.parse("2026-06-20");
            var lock = new LockDate(lockDate, lockDate.plusDays(1).atStartOfDay(id).toInstant());
            return given(INITIATED).andGiven(allFactsMet(lock))
                    .andGiven(new LockDateScheduled(lock, lock.passesAt(), 1, T0),
                            new ClosureRequested(TICKET, lock.passesAt()));
        }

        @Test
        void aucklandIsAlreadyOnTheNextDayShortlyAfterNoonUtc() {
            // 2026-06-30T12:30Z is 00:30 on 1 July in Auckland (NZST, +12).
            var approvedAt = at("2026-06-30T12:30:00Z");
            underReviewIn("Pacific/Auckland").when(new ApproveFinalReview("support-agent", 7, approvedAt))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 7, approvedAt, LocalDate.parse("2026-07-01")));
            var justBefore = at("2026-06-30T11:59:00Z");
            underReviewIn("Pacific/Auckland").when(new ApproveFinalReview("support-agent", 7, justBefore))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 7, justBefore, LocalDate.parse("2026-06-30")));
        }

        @Test
        void losAngelesIsStillOnThePreviousDayAfterMidnightUtc() {
            // 2026-07-01T03:00Z is 20:00 on 30 June in Los Angeles (PDT, -7); UTC would say 1 July.
            var approvedAt = at("2026-07-01T03:00:00Z");
            underReviewIn("America/Los_Angeles").when(new ApproveFinalReview("support-agent", 7, approvedAt))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 7, approvedAt, LocalDate.parse("2026-06-30")));
            var afterMidnightThere = at("2026-07-01T07:30:00Z");
            underReviewIn("America/Los_Angeles").when(new ApproveFinalReview("support-agent", 7, afterMidnightThere))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 7, afterMidnightThere,
                            LocalDate.parse("2026-07-01")));
        }

        @Test
        void withoutALockDateTheZoneIsUtc() {
            var noLock = given(INITIATED).andGiven(allFactsMet(null))
                    .andGiven(new LockDateScheduled(null, T0, 1, T0), new ClosureRequested(TICKET, T0));
            var approvedAt = at("2026-07-01T03:00:00Z");
            noLock.when(new ApproveFinalReview("support-agent", 7, approvedAt))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 7, approvedAt, LocalDate.parse("2026-07-01")));
        }
    }

    /**
     * Issue 11: payouts decides the account's zone once (AccountLocaleDecided); the saga dates the
     * closure and the forecast in that zone, not in the offset of the last lock instant (wrong across a
     * daylight-saving change, and unknown when no lock date is ahead) nor in UTC.
     */
    @Nested
    class DecidedZone {

        static AccountClosureEvent.LocaleRecorded locale(String zone) {
            return new AccountClosureEvent.LocaleRecorded("USD", zone, T0);
        }

        /** The locale recorded first, then initiated and under review with the lock date of {@code lock}. Version 8. */
        Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given underReviewIn(String zone,
                                                                                                 LockDate lock) {
            return given(locale(zone), INITIATED).andGiven(allFactsMet(lock))
                    .andGiven(new LockDateScheduled(lock, lock == null ? T0 : lock.passesAt(), 1, T0),
                            new ClosureRequested(TICKET, lock == null ? T0 : lock.passesAt()));
        }

        static LockDate lockIn(String date, String zone) {
            var day = LocalDate.parse(date);
            return new LockDate(day, day.plusDays(1).atStartOfDay(java.time.ZoneId.of(zone)).toInstant());
        }

        @Test
        void payoutsDecisionIsRecordedOnceWhateverTheClosuresState() {
            var command = new AccountClosureCommand.RecordLocale("NZD", "Pacific/Auckland", T0);
            var state = given().when(command).then(new AccountClosureEvent.LocaleRecorded("NZD", "Pacific/Auckland", T0))
                    .state();
            assertThat(state.ledger().accountZone()).isEqualTo(java.time.ZoneId.of("Pacific/Auckland"));
            given(locale("Pacific/Auckland")).when(command).thenNothing();
            given(locale("America/Los_Angeles"), INITIATED).when(command).thenNothing();
            given(INITIATED).when(new AccountClosureCommand.RecordLocale("NZD", "Mars/Olympus", T0))
                    .thenRefused(DomainException.BadRequest.class, "Mars/Olympus");
        }

        @Test
        void losAngelesAfterMidnightUtcIsStillThePreviousDayAlsoWithNoLockDateAhead() {
            // 2026-07-01T03:00Z is 20:00 on 30 June in Los Angeles; without the decided zone it was UTC's 1 July.
            var approvedAt = at("2026-07-01T03:00:00Z");
            underReviewIn("America/Los_Angeles", null).when(new ApproveFinalReview("support-agent", 8, approvedAt))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 8, approvedAt, LocalDate.parse("2026-06-30")));
        }

        @Test
        void aucklandBeforeMidnightUtcIsAlreadyTheNextDayAlsoWithNoLockDateAhead() {
            // 2026-07-01T12:30Z is 00:30 on 2 July in Auckland (NZST, +12); UTC says 1 July.
            var approvedAt = at("2026-07-01T12:30:00Z");
            underReviewIn("Pacific/Auckland", null).when(new ApproveFinalReview("support-agent", 8, approvedAt))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 8, approvedAt, LocalDate.parse("2026-07-02")));
        }

        @Test
        void theZoneNotTheLockDatesOffsetDatesAClosureApprovedAfterADaylightSavingChange() {
            // Lock date 7 March in Los Angeles (PST, -8); approved 2026-03-12T07:30Z = 00:30 PDT (-7) on 12 March.
            var la = at("2026-03-12T07:30:00Z");
            underReviewIn("America/Los_Angeles", lockIn("2026-03-07", "America/Los_Angeles"))
                    .when(new ApproveFinalReview("support-agent", 8, la))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 8, la, LocalDate.parse("2026-03-12")));
            // Lock date 1 April in Auckland (NZDT, +13); approved 2026-04-10T11:30Z = 23:30 NZST (+12) on 10 April.
            var nz = at("2026-04-10T11:30:00Z");
            underReviewIn("Pacific/Auckland", lockIn("2026-04-01", "Pacific/Auckland"))
                    .when(new ApproveFinalReview("support-agent", 8, nz))
                    .then(new FinalReviewApproved(TICKET, "support-agent", 8, nz, LocalDate.parse("2026-04-10")));
        }

        @Test
        void theForecastIsDatedInTheDecidedZone() {
            var justAfterMidnightUtc = at("2026-03-02T00:30:00Z");
            var la = given(locale("America/Los_Angeles"), INITIATED).state();
            assertThat(Forecast.of(la, justAfterMidnightUtc).earliestRequestDate())
                    .as("00:30 UTC on 2 March is 16:30 on 1 March in Los Angeles").isEqualTo(LocalDate.parse("2026-03-01"));
            var justBeforeMidnightUtc = at("2026-03-01T23:30:00Z");
            var nz = given(locale("Pacific/Auckland"), INITIATED).state();
            assertThat(Forecast.of(nz, justBeforeMidnightUtc).earliestRequestDate())
                    .as("23:30 UTC on 1 March is 12:30 on 2 March in Auckland").isEqualTo(LocalDate.parse("2026-03-02"));
            // A lock date ahead is its day after in the account's zone, whatever the hour in UTC.
            var withLock = given(locale("Pacific/Auckland"), INITIATED,
                    met(payoutsSettled(1, lockIn("2026-03-10", "Pacific/Auckland")), T0)).state();
            assertThat(Forecast.of(withLock, justBeforeMidnightUtc).earliestRequestDate())
                    .isEqualTo(LocalDate.parse("2026-03-11"));
        }
    }

    /** Every waiting state has a deadline; past it the closure is overdue. */
    @Nested
    class Overdue {

        final Deadlines deadlines = Deadlines.DEFAULTS;

        void dueAt(AccountClosureState state, Instant deadline) {
            assertThat(deadlines.of(state)).contains(deadline);
            assertThat(deadlines.overdue(state, deadline)).isFalse();
            assertThat(deadlines.overdue(state, deadline.plusSeconds(1))).isTrue();
        }

        @Test
        void preparingIsOverdueNinetyDaysAfterTheInitiationWhateverHappenedSince() {
            dueAt(given(INITIATED).state(), T0.plus(java.time.Duration.ofDays(90)));
            var backToPreparing = awaitingLockDate().andGiven(
                    new LockDateTimerCancelled(1, "retracted", at("2026-04-01T00:00:00Z"))).state();
            assertThat(backToPreparing).isInstanceOf(Preparing.class);
            dueAt(backToPreparing, T0.plus(java.time.Duration.ofDays(90)));
        }

        @Test
        void awaitingTheLockDateIsOverdueOneDayAfterItPassed() {
            dueAt(awaitingLockDate().state(), LOCK_AT.plus(java.time.Duration.ofDays(1)));
        }

        @Test
        void theReviewIsOverdueAfterFiveDays() {
            dueAt(underReview().state(), AFTER_LOCK.plus(java.time.Duration.ofDays(5)));
        }

        @Test
        void deactivatingIsOverdueAfterTenMinutes() {
            dueAt(deactivating().state(), AFTER_LOCK.plus(java.time.Duration.ofMinutes(10)));
            dueAt(deactivating().andGiven(fenced("payouts-service")).state(),
                    AFTER_LOCK.plus(java.time.Duration.ofMinutes(10)));
        }

        @Test
        void theFinalSettlementIsOverdueSevenDaysAfterDeactivation() {
            dueAt(deactivated().state(), AFTER_LOCK.plus(java.time.Duration.ofDays(7)));
        }

        /** Deactivated at AFTER_LOCK with payouts' last clearing instant {@code clears} in the settled fact. */
        AccountClosureState deactivatedWithLastClearing(Instant clears) {
            return given(INITIATED, met(holds(Precondition.CONTRACTS_EXPIRED, 1), T0),
                    met(payoutsSettled(1, LOCK).withLastClearingAt(clears), T0),
                    met(holds(Precondition.FUNDING_SUFFICIENT, 1), T0), met(holds(Precondition.CATALOGS_DELETED, 1), T0),
                    new LockDateScheduled(LOCK, LOCK_AT, 1, T0), new ClosureRequested(TICKET, AFTER_LOCK),
                    new FinalReviewApproved(TICKET, "support-agent", 7, AFTER_LOCK, CLOSURE_DATE))
                    .andGiven(allFenced()).andGiven(new AccountDeactivated(CLOSURE_DATE, AFTER_LOCK)).state();
        }

        @Test
        void theFinalSettlementIsOverdueSevenDaysAfterTheLastClearingDate() {
            // The last partner payment clears on 1 April, three weeks after the deactivation.
            var clears = at("2026-04-01T00:00:00Z");
            var state = deactivatedWithLastClearing(clears);
            assertThat(state).isInstanceOf(AwaitingFinalSettlement.class);
            dueAt(state, clears.plus(java.time.Duration.ofDays(7)));
        }

        @Test
        void aLastClearingBeforeTheDeactivationCountsFromTheDeactivation() {
            dueAt(deactivatedWithLastClearing(LOCK_AT), AFTER_LOCK.plus(java.time.Duration.ofDays(7)));
        }

        @Test
        void closedCancelledAndUninitiatedClosuresAreNeverOverdue() {
            var far = at("2030-01-01T00:00:00Z");
            assertThat(deadlines.overdue(given().state(), far)).isFalse();
            assertThat(deadlines.overdue(deactivated().andGiven(new AccountClosed("r", AFTER_LOCK)).state(), far))
                    .isFalse();
            assertThat(deadlines.overdue(given(INITIATED, new ClosureCancelled("brand-admin", "no", T1)).state(), far))
                    .isFalse();
        }

        @Test
        void deadlinesAreConfigurable() {
            var shortDeactivation = new Deadlines(java.time.Duration.ofDays(30), java.time.Duration.ZERO,
                    java.time.Duration.ofDays(2), java.time.Duration.ofMinutes(1), java.time.Duration.ofDays(1));
            assertThat(shortDeactivation.of(deactivating().state())).contains(AFTER_LOCK.plusSeconds(60));
            assertThat(shortDeactivation.of(given(INITIATED).state())).contains(T0.plus(java.time.Duration.ofDays(30)));
        }
    }

    /** Issue 11: state reports on initiation and on review requests, and the forecast while preparing. */
    @Nested
    class StateReports {

        static final String CLOSURE_ID = "CLO-acme-1";

        static RecordFact report(Fact f, Instant now, String reportFor) {
            return new RecordFact(f, now, reportFor);
        }

        static Decider<AccountClosureCommand, AccountClosureEvent, AccountClosureState>.Given rejected() {
            return underReview().andGiven(
                    new FinalReviewRejected(TICKET, "support-agent", List.of("open invoice"), AFTER_LOCK));
        }

        @Test
        void initiationAsksEverySourceForAReportUnderTheClosuresId() {
            var state = given().when(new InitiateClosure("brand-admin", "moving on", T0)).then(INITIATED).state();
            Reports reports = state.ledger().reports();
            assertThat(reports.closureId()).isEqualTo(CLOSURE_ID);
            assertThat(reports.reason()).isEqualTo(Reports.INITIATION);
            assertThat(reports.requestedAt()).isEqualTo(T0);
            assertThat(reports.missing()).containsExactly(Precondition.values());
        }

        @Test
        void aCancelledClosureStartedAgainHasANewClosureId() {
            var state = given(INITIATED, new ClosureCancelled("brand-admin", "not yet", T0))
                    .when(new InitiateClosure("brand-admin", "now", T1))
                    .then(new ClosureInitiated("brand-admin", "now", T1)).state();
            assertThat(state.ledger().reports().closureId()).isEqualTo("CLO-acme-3");
        }

        @Test
        void anAnswerToTheCurrentRequestIsRecordedOncePerSourceAndItsFactCountsAsAnyOther() {
            var catalogs = holds(Precondition.CATALOGS_DELETED, 1);
            var state = given(INITIATED).when(report(catalogs, T1, CLOSURE_ID))
                    .then(met(catalogs, T1), new AccountClosureEvent.StateReported(Precondition.CATALOGS_DELETED,
                            CLOSURE_ID, T1)).state();
            assertThat(state.ledger().reports().reported()).containsExactly(Precondition.CATALOGS_DELETED);
            assertThat(state.ledger().reports().missing()).containsExactly(Precondition.CONTRACTS_EXPIRED,
                    Precondition.PAYOUTS_SETTLED, Precondition.FUNDING_SUFFICIENT);
            // The same source answering again (a redelivered request) is a newer fact, not a second answer.
            var again = holds(Precondition.CATALOGS_DELETED, 2);
            given(INITIATED, met(catalogs, T1),
                    new AccountClosureEvent.StateReported(Precondition.CATALOGS_DELETED, CLOSURE_ID, T1))
                    .when(report(again, T1, CLOSURE_ID)).then(met(again, T1));
        }

        @Test
        void anAnswerThatChangesNoFactIsStillRecordedAsAnAnswer() {
            // The report of an older version (it overtook nothing): the fact stays, the answer counts.
            var newer = holds(Precondition.CONTRACTS_EXPIRED, 5);
            given(INITIATED, met(newer, T0)).when(report(holds(Precondition.CONTRACTS_EXPIRED, 4), T1, CLOSURE_ID))
                    .then(new AccountClosureEvent.StateReported(Precondition.CONTRACTS_EXPIRED, CLOSURE_ID, T1));
        }

        @Test
        void anAnswerForAnotherClosureOrAnUnsolicitedSummaryIsNoAnswer() {
            var catalogs = holds(Precondition.CATALOGS_DELETED, 1);
            given(INITIATED).when(report(catalogs, T1, "CLO-acme-99")).then(met(catalogs, T1));
            given(INITIATED).when(report(catalogs, T1, null)).then(met(catalogs, T1));
            // Before any initiation nothing was asked: the fact is kept, no answer recorded.
            given().when(report(catalogs, T1, CLOSURE_ID)).then(met(catalogs, T1));
        }

        @Test
        void aFourthAnswerWithEveryFactHoldingCarriesTheClosureOn() {
            var history = new ArrayList<AccountClosureEvent>(List.of(INITIATED));
            for (Precondition p : List.of(Precondition.CONTRACTS_EXPIRED, Precondition.FUNDING_SUFFICIENT,
                    Precondition.CATALOGS_DELETED)) {
                history.add(met(holds(p, 1), T0));
                history.add(new AccountClosureEvent.StateReported(p, CLOSURE_ID, T0));
            }
            var payouts = payoutsSettled(1, PAST_LOCK);
            var state = SAGA.given(history).when(report(payouts, T1, CLOSURE_ID)).then(met(payouts, T1),
                    new AccountClosureEvent.StateReported(Precondition.PAYOUTS_SETTLED, CLOSURE_ID, T1),
                    new LockDateScheduled(PAST_LOCK, PAST_LOCK.passesAt(), 1, T1),
                    new ClosureRequested(TICKET, T1)).state();
            assertThat(state.ledger().reports().missing()).isEmpty();
        }

        @Test
        void aReviewMayBeRequestedOnlyAfterARejection() {
            given(INITIATED).when(new AccountClosureCommand.RequestReview("brand-admin", T1))
                    .thenRefused(DomainException.Conflict.class, "only be asked for after a rejected one");
            awaitingLockDate().when(new AccountClosureCommand.RequestReview("brand-admin", T1))
                    .thenRefused(DomainException.Conflict.class, "it is AwaitingLockDate");
            underReview().when(new AccountClosureCommand.RequestReview("brand-admin", AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "it is ClosureRequested");
            deactivated().when(new AccountClosureCommand.RequestReview("brand-admin", AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "irreversible");
            given().when(new AccountClosureCommand.RequestReview("brand-admin", T1))
                    .thenRefused(DomainException.NotFound.class, "has no closure");
            // A review withdrawn (not rejected) is no rejection either.
            underReview().andGiven(new ReviewWithdrawn(TICKET, "precondition no longer holds", AFTER_LOCK))
                    .when(new AccountClosureCommand.RequestReview("brand-admin", AFTER_LOCK))
                    .thenRefused(DomainException.Conflict.class, "after a rejected one");
        }

        /** The four sources' answers to the current request of CLOSURE_ID, each with a fact that holds (version n). */
        List<RecordFact> freshReports(long n, LockDate lock, Instant at) {
            return List.of(report(holds(Precondition.CONTRACTS_EXPIRED, n), at, CLOSURE_ID),
                    report(payoutsSettled(n, lock), at, CLOSURE_ID),
                    report(holds(Precondition.FUNDING_SUFFICIENT, n), at, CLOSURE_ID),
                    report(holds(Precondition.CATALOGS_DELETED, n), at, CLOSURE_ID));
        }

        @Test
        void aReviewRequestedAfterARejectionWithEveryFactHoldingAndTheLockDatePassedWaitsForTheFourFreshReports() {
            var requested = rejected().when(new AccountClosureCommand.RequestReview("brand-admin", AFTER_LOCK))
                    .then(new AccountClosureEvent.ReviewRequested("brand-admin", AFTER_LOCK)).state();
            Reports reports = requested.ledger().reports();
            assertThat(reports.closureId()).isEqualTo(CLOSURE_ID);
            assertThat(reports.reason()).isEqualTo(Reports.REVIEW_REQUESTED);
            assertThat(reports.requestedAt()).isEqualTo(AFTER_LOCK);
            assertThat(reports.missing()).containsExactly(Precondition.values());
            assertThat(requested).isInstanceOf(Preparing.class);
            assertThat(reports.awaitsReview()).isTrue();
            // Three answers: still waiting, whatever the facts say.
            var answers = freshReports(2, LOCK, AFTER_LOCK);
            var state = requested;
            for (RecordFact answer : answers.subList(0, 3)) {
                state = SAGA.givenState(state).when(answer).then(met(answer.fact(), AFTER_LOCK),
                        new AccountClosureEvent.StateReported(answer.fact().precondition(), CLOSURE_ID, AFTER_LOCK))
                        .state();
            }
            assertThat(state).isInstanceOf(Preparing.class);
            assertThat(state.ledger().reports().missing()).containsExactly(Precondition.CATALOGS_DELETED);
            // The fourth: the next review opens, under the closure's one id.
            var last = answers.get(3);
            var reviewed = SAGA.givenState(state).when(last).then(met(last.fact(), AFTER_LOCK),
                    new AccountClosureEvent.StateReported(Precondition.CATALOGS_DELETED, CLOSURE_ID, AFTER_LOCK),
                    new LockDateScheduled(LOCK, LOCK_AT, 2, AFTER_LOCK), new ClosureRequested(CLOSURE_ID, AFTER_LOCK))
                    .state();
            assertThat(reviewed.ledger().reports().missing()).isEmpty();
        }

        @Test
        void aNewFactOrAnAnswerForAnotherClosureDoesNotStandInForAFreshReport() {
            var requested = rejected().andGiven(new AccountClosureEvent.ReviewRequested("brand-admin", AFTER_LOCK));
            // Unsolicited summaries and another closure's answers change facts, not the wait.
            var unsolicited = holds(Precondition.CONTRACTS_EXPIRED, 7);
            var other = holds(Precondition.CATALOGS_DELETED, 7);
            var state = requested.when(record(unsolicited, AFTER_LOCK)).then(met(unsolicited, AFTER_LOCK))
                    .andWhen(report(other, AFTER_LOCK, "CLO-acme-99")).then(met(other, AFTER_LOCK)).state();
            assertThat(state).isInstanceOf(Preparing.class);
            assertThat(state.ledger().reports().missing()).containsExactly(Precondition.values());
        }

        @Test
        void aReviewRequestedBeforeTheLockDateWaitsForTheReportsThenForIt() {
            var state = rejected().when(new AccountClosureCommand.RequestReview("support-agent", T1))
                    .then(new AccountClosureEvent.ReviewRequested("support-agent", T1)).state();
            var answers = freshReports(2, LOCK, T1);
            for (RecordFact answer : answers.subList(0, 3)) {
                state = SAGA.givenState(state).when(answer).thenMatches(e -> assertThat(e).hasSize(2)).state();
            }
            state = SAGA.givenState(state).when(answers.get(3)).then(met(answers.get(3).fact(), T1),
                    new AccountClosureEvent.StateReported(Precondition.CATALOGS_DELETED, CLOSURE_ID, T1),
                    new LockDateScheduled(LOCK, LOCK_AT, 2, T1)).state();
            assertThat(state).isInstanceOf(AwaitingLockDate.class);
        }

        @Test
        void aReviewRequestedWhileAPreconditionIsRetractedKeepsPreparingAndTheAnswersCarryItOn() {
            var pending = retracted(Precondition.PAYOUTS_SETTLED, 2);
            var state = rejected().andGiven(new PreconditionRetracted(pending, AFTER_LOCK))
                    .when(new AccountClosureCommand.RequestReview("brand-admin", AFTER_LOCK))
                    .then(new AccountClosureEvent.ReviewRequested("brand-admin", AFTER_LOCK)).state();
            assertThat(state).isInstanceOfSatisfying(Preparing.class, p -> assertThat(p.heldForNewEvidence()).isFalse());
            var answers = freshReports(3, PAST_LOCK, AFTER_LOCK);
            for (RecordFact answer : answers.subList(0, 3)) {
                state = SAGA.givenState(state).when(answer).thenMatches(e -> assertThat(e).hasSize(2)).state();
            }
            var catalogs = answers.get(3);
            SAGA.givenState(state).when(catalogs).then(met(catalogs.fact(), AFTER_LOCK),
                    new AccountClosureEvent.StateReported(Precondition.CATALOGS_DELETED, CLOSURE_ID, AFTER_LOCK),
                    new LockDateScheduled(PAST_LOCK, PAST_LOCK.passesAt(), 2, AFTER_LOCK),
                    new ClosureRequested(CLOSURE_ID, AFTER_LOCK));
        }

        @Test
        void theForecastSaysWhatIsOpenPerSourceAndTheEarliestDayTheClosureCouldBeRequested() {
            var contracts = retracted(Precondition.CONTRACTS_EXPIRED, 1).withOpen(3L, null);
            var funding = new Fact(Precondition.FUNDING_SUFFICIENT, false, source(Precondition.FUNDING_SUFFICIENT, 1),
                    null, 1_000L).withOpen(null, 4_000L);
            var state = given(INITIATED, new PreconditionRetracted(contracts, T0),
                    met(payoutsSettled(1, LOCK).withOpen(0L, null), T0), new PreconditionRetracted(funding, T0),
                    new AccountClosureEvent.StateReported(Precondition.FUNDING_SUFFICIENT, CLOSURE_ID, T0))
                    .state();
            Forecast forecast = Forecast.of(state, T1, java.time.ZoneOffset.UTC);
            assertThat(forecast.open()).containsExactly(
                    new Forecast.Open(Precondition.CONTRACTS_EXPIRED, false, 3L, null, false),
                    new Forecast.Open(Precondition.PAYOUTS_SETTLED, true, 0L, null, false),
                    new Forecast.Open(Precondition.FUNDING_SUFFICIENT, false, null, 4_000L, true),
                    new Forecast.Open(Precondition.CATALOGS_DELETED, false, null, null, false));
            // The lock date passes at 2026-03-10T23:59:59Z: that day in UTC, the next one in Auckland.
            assertThat(forecast.earliestRequestDate()).isEqualTo(LocalDate.parse("2026-03-10"));
            assertThat(Forecast.of(state, T1, java.time.ZoneId.of("Pacific/Auckland")).earliestRequestDate())
                    .isEqualTo(LocalDate.parse("2026-03-11"));
            assertThat(Forecast.of(state, T1, java.time.ZoneId.of("America/Los_Angeles")).earliestRequestDate())
                    .isEqualTo(LocalDate.parse("2026-03-10"));
        }

        @Test
        void withNoLockDateAheadTheClosureCouldBeRequestedToday() {
            var state = given(INITIATED, met(payoutsSettled(1, PAST_LOCK), T0)).state();
            assertThat(Forecast.of(state, T1, java.time.ZoneOffset.UTC).earliestRequestDate())
                    .isEqualTo(LocalDate.parse("2026-03-02"));
            var none = given(INITIATED).state();
            assertThat(Forecast.of(none, T1, java.time.ZoneId.of("Pacific/Auckland")).earliestRequestDate())
                    .as("T1, 11:00 UTC on 2 March, is already 3 March in Auckland").isEqualTo(LocalDate.parse("2026-03-03"));
        }
    }

    /** Issue 14: the reconciler's answers, compared with the saga's facts. */
    @Nested
    class Reconciliation {

        static final String RECONCILIATION_ID = "CLO-acme-1:reconciliation";

        static RecordFact answer(Fact f, Instant now) {
            return new RecordFact(f, now, RECONCILIATION_ID);
        }

        static AccountClosureEvent.DriftDetected.Word word(String kind, long version, LocalDate lastLockDate) {
            return new AccountClosureEvent.DriftDetected.Word(kind, version, lastLockDate);
        }

        @Test
        void theReconciliationIdIsTheClosureIdWithItsSuffix() {
            assertThat(Reports.reconciliationIdOf(TICKET)).isEqualTo(RECONCILIATION_ID);
        }

        @Test
        void aLaterAnswerThatContradictsTheSagaIsADriftAndItsFactCarriesTheClosureOn() {
            // catalog-service's CatalogsDeleted (version 2) went missing: the saga still believes CatalogsPresent (1).
            var present = retracted(Precondition.CATALOGS_DELETED, 1);
            var history = given(INITIATED, met(holds(Precondition.CONTRACTS_EXPIRED, 1), T0),
                    met(payoutsSettled(1, PAST_LOCK), T0), met(holds(Precondition.FUNDING_SUFFICIENT, 1), T0),
                    new PreconditionRetracted(present, T0));
            var deleted = holds(Precondition.CATALOGS_DELETED, 3);
            var drift = new AccountClosureEvent.DriftDetected(Precondition.CATALOGS_DELETED,
                    word("CatalogsPresent", 1, null), word("CatalogsDeleted", 3, null), Drift.KIND, T1);
            var state = history.when(answer(deleted, T1)).then(drift, met(deleted, T1),
                    new LockDateScheduled(PAST_LOCK, PAST_LOCK.passesAt(), 1, T1), new ClosureRequested(TICKET, T1))
                    .state();
            assertThat(state.ledger().drifts()).containsExactly(drift);
            assertThat(state.ledger().facts().of(Precondition.CATALOGS_DELETED)).contains(deleted);
            // A reconciliation's answer is no answer to the initiation's request.
            assertThat(state.ledger().reports().reported()).isEmpty();
        }

        @Test
        void anAnswerThatAgreesRecordsNothingHoweverMuchLater() {
            // Under review (version 7): an agreeing answer must not change the version the reviewer approves.
            underReview().when(answer(holds(Precondition.CONTRACTS_EXPIRED, 9), AFTER_LOCK)).thenNothing();
            // A balance (or an open count) changes without a summary: no drift.
            underReview().when(answer(funding(9, 1), AFTER_LOCK)).thenNothing();
            // payouts name an earlier lock date, or the same one: waiting a little longer is safe.
            awaitingLockDate().when(answer(payoutsSettled(4, PAST_LOCK), T1)).thenNothing();
            awaitingLockDate().when(answer(payoutsSettled(4, LOCK), T1)).thenNothing();
        }

        @Test
        void anOlderAnswerRecordsNothingAndTheSagaKeepsItsLaterWord() {
            var later = holds(Precondition.CONTRACTS_EXPIRED, 5);
            var state = given(INITIATED, met(later, T0))
                    .when(answer(retracted(Precondition.CONTRACTS_EXPIRED, 4), T1)).thenNothing().state();
            assertThat(state.ledger().facts().of(Precondition.CONTRACTS_EXPIRED)).contains(later);
            assertThat(state.ledger().drifts()).isEmpty();
            // The same version again (a redelivered answer) is no later word either.
            given(INITIATED, met(later, T0)).when(answer(retracted(Precondition.CONTRACTS_EXPIRED, 5), T1))
                    .thenNothing();
        }

        @Test
        void aLaterLastLockDateStillAheadIsADriftAndTheWaitMoves() {
            var later = payoutsSettled(2, LATER_LOCK);
            awaitingLockDate().when(answer(later, T1)).then(
                    new AccountClosureEvent.DriftDetected(Precondition.PAYOUTS_SETTLED,
                            word("PayoutsSettled", 1, LOCK_DATE), word("PayoutsSettled", 2, LATER_LOCK.date()),
                            Drift.LAST_LOCK_DATE, T1),
                    met(later, T1), new LockDateScheduled(LATER_LOCK, LATER_LOCK.passesAt(), 2, T1));
        }

        @Test
        void aSourceTheSagaNeverHeardFromIsAMissingWord() {
            var catalogs = holds(Precondition.CATALOGS_DELETED, 1);
            given(INITIATED).when(answer(catalogs, T1)).then(
                    new AccountClosureEvent.DriftDetected(Precondition.CATALOGS_DELETED, null,
                            word("CatalogsDeleted", 1, null), Drift.MISSING, T1), met(catalogs, T1));
        }

        @Test
        void aContradictingAnswerUnderReviewWithdrawsTheReview() {
            var active = retracted(Precondition.CONTRACTS_EXPIRED, 2);
            underReview().when(answer(active, AFTER_LOCK)).then(
                    new AccountClosureEvent.DriftDetected(Precondition.CONTRACTS_EXPIRED,
                            word("ContractsExpired", 1, null), word("ActiveContractsPresent", 2, null), Drift.KIND,
                            AFTER_LOCK),
                    new PreconditionRetracted(active, AFTER_LOCK),
                    new ReviewWithdrawn(TICKET, "precondition no longer holds: [CONTRACTS_EXPIRED]", AFTER_LOCK));
        }

        @Test
        void reconciliationAnswersNeitherLiftARejectionsHoldNorStandInForAReviewRequestsReports() {
            var rejected = underReview().andGiven(
                    new FinalReviewRejected(TICKET, "support-agent", List.of("open invoice"), AFTER_LOCK));
            for (Precondition p : Precondition.values()) {
                var agreeing = p == Precondition.PAYOUTS_SETTLED ? payoutsSettled(8, LOCK) : holds(p, 8);
                rejected.when(answer(agreeing, AFTER_LOCK)).thenNothing();
            }
            var requested = rejected.andGiven(new AccountClosureEvent.ReviewRequested("brand-admin", AFTER_LOCK));
            var state = requested.when(answer(holds(Precondition.CONTRACTS_EXPIRED, 8), AFTER_LOCK)).thenNothing()
                    .state();
            assertThat(state.ledger().reports().awaitsReview()).isTrue();
            assertThat(state.ledger().reports().missing()).containsExactly(Precondition.values());
        }

        @Test
        void whileDeactivatingARetractionFoundByReconciliationHoldsTheDeactivation() {
            var present = retracted(Precondition.CATALOGS_DELETED, 2);
            var threeFences = deactivating().andGiven(fenced("contracts-service"), fenced("payouts-service"),
                    fenced("funding-service"));
            var state = threeFences.when(answer(present, AFTER_LOCK)).then(
                    new AccountClosureEvent.DriftDetected(Precondition.CATALOGS_DELETED,
                            word("CatalogsDeleted", 1, null), word("CatalogsPresent", 2, null), Drift.KIND, AFTER_LOCK),
                    new PreconditionRetracted(present, AFTER_LOCK)).state();
            SAGA.givenState(state).when(new RecordFence("catalog-service", TICKET, AFTER_LOCK, AFTER_LOCK))
                    .then(fenced("catalog-service"));
        }

        @Test
        void aClosureStartedAgainAfterACancellationHasNoDriftOfTheOneBefore() {
            var catalogs = holds(Precondition.CATALOGS_DELETED, 1);
            var drifted = given(INITIATED).when(answer(catalogs, T1)).then(
                    new AccountClosureEvent.DriftDetected(Precondition.CATALOGS_DELETED, null,
                            word("CatalogsDeleted", 1, null), Drift.MISSING, T1), met(catalogs, T1)).state();
            assertThat(drifted.ledger().drifts()).hasSize(1);
            var again = SAGA.givenState(drifted).andGiven(new ClosureCancelled("brand-admin", "not yet", T1))
                    .when(new InitiateClosure("brand-admin", "now", T1))
                    .then(new ClosureInitiated("brand-admin", "now", T1)).state();
            assertThat(again.ledger().drifts()).isEmpty();
            assertThat(again.ledger().facts().of(Precondition.CATALOGS_DELETED)).contains(catalogs);
        }

        @Test
        void aClosedClosureTakesNoAnswer() {
            var closed = deactivated().andGiven(new AccountClosed("refund-1", AFTER_LOCK));
            closed.when(answer(retracted(Precondition.CATALOGS_DELETED, 5), AFTER_LOCK)).thenNothing();
        }
    }
}
