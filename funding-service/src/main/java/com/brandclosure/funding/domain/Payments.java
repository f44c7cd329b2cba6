package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.ChargeBilled;
import com.brandclosure.funding.domain.FundingAccountEvent.ChargePaid;
import com.brandclosure.funding.domain.FundingAccountEvent.CostLocked;
import com.brandclosure.funding.domain.FundingAccountEvent.CostPaid;
import com.brandclosure.funding.domain.FundingAccountEvent.PastDuePaid;
import com.brandclosure.funding.domain.FundingAccountEvent.PaymentOverdue;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The payments policy: what falls due when, and how the balance pays it. The balance never goes
 * below zero: a payment it cannot cover whole becomes past due, and new money settles past-due
 * items oldest first, each whole.
 */
public final class Payments {

    private Payments() {
    }

    /** One item to pay: a partner cost or a fee. */
    record Payment(String id, Money amount, boolean cost) {
    }

    /**
     * Pays every locked cost whose clearing time has come (by clearing time), then every fee due
     * today or earlier (by due date), from the balance in that order.
     */
    static List<FundingAccountEvent> payDue(Active account, Instant now) {
        List<Payment> due = new ArrayList<>();
        account.costs().entrySet().stream()
                .filter(e -> e.getValue().locked() && !e.getValue().clearingAt().isAfter(now))
                .sorted(Comparator.comparing((Map.Entry<String, FundingState.Cost> e) -> e.getValue().clearingAt())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> due.add(new Payment(e.getKey(), e.getValue().amount(), true)));
        LocalDate today = account.today(now);
        account.charges().entrySet().stream()
                .filter(e -> !e.getValue().dueOn().isAfter(today))
                .sorted(Comparator.comparing((Map.Entry<String, FundingState.Charge> e) -> e.getValue().dueOn())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> due.add(new Payment(e.getKey(), e.getValue().amount(), false)));
        return pay(due, account.balance());
    }

    /** Each payment in turn from what is left of {@code balance}: paid whole, or overdue whole. */
    static List<FundingAccountEvent> pay(List<Payment> payments, Money balance) {
        List<FundingAccountEvent> events = new ArrayList<>();
        Money left = balance;
        for (Payment p : payments) {
            if (left.isAtLeast(p.amount())) {
                events.add(p.cost() ? new CostPaid(p.id(), p.amount()) : new ChargePaid(p.id(), p.amount()));
                left = left.minus(p.amount());
            } else {
                events.add(new PaymentOverdue(p.id(), p.amount()));
            }
        }
        return events;
    }

    /** New money pays what is overdue first, oldest first, each item whole. */
    static List<FundingAccountEvent> settlePastDue(Active account) {
        List<FundingAccountEvent> events = new ArrayList<>();
        Money left = account.balance();
        for (var e : account.pastDue().entrySet()) {
            if (left.isAtLeast(e.getValue())) {
                events.add(new PastDuePaid(e.getKey(), e.getValue()));
                left = left.minus(e.getValue());
            }
        }
        return events;
    }

    /**
     * When the account must be looked at again after {@code events}: a locked cost's clearing time,
     * a fee's due date, and the day a fee enters the {@value Active#FEE_WINDOW_DAYS}-day window (Required
     * Funding grows then).
     */
    public static SortedSet<Instant> reviewTimes(List<? extends FundingAccountEvent> events, ZoneId zone,
                                                 Instant now) {
        SortedSet<Instant> at = new TreeSet<>();
        for (FundingAccountEvent e : events) {
            switch (e) {
                case CostLocked c -> at.add(c.clearingAt());
                case ChargeBilled c -> {
                    at.add(c.dueOn().atStartOfDay(zone).toInstant());
                    Instant windowEntry = c.dueOn().minusDays(Active.FEE_WINDOW_DAYS).atStartOfDay(zone).toInstant();
                    if (windowEntry.isAfter(now)) {
                        at.add(windowEntry);
                    }
                }
                default -> {
                    // Nothing else falls due later.
                }
            }
        }
        return at;
    }

    /** The id under which a returned ACH deposit is owed. */
    public static String returnPaymentId(String depositId) {
        return "ach-return:" + depositId;
    }
}
