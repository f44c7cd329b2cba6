package com.brandclosure.payouts.domain;

import com.brandclosure.platform.kernel.Personal;

/** The states of an action; each carries the details, plus what only that state knows. */
public sealed interface ActionState {

    /** The name used in the read model and in REST filters. */
    String name();

    record NotTracked() implements ActionState {
        public String name() {
            return "NOT_TRACKED";
        }
    }

    sealed interface Tracked extends ActionState {
        ActionDetails details();
    }

    record Pending(ActionDetails details) implements Tracked {
        public String name() {
            return "PENDING";
        }
    }

    record Approved(ActionDetails details) implements Tracked {
        public String name() {
            return "APPROVED";
        }
    }

    record Reversed(ActionDetails details, @Personal String reason) implements Tracked {
        public String name() {
            return "REVERSED";
        }
    }

    record Locked(ActionDetails details) implements Tracked {
        public String name() {
            return "LOCKED";
        }
    }

    record Cleared(ActionDetails details, java.time.LocalDate clearedOn) implements Tracked {
        public String name() {
            return "CLEARED";
        }
    }

    record Rejected(ActionDetails details, RejectionReason reason) implements Tracked {
        public String name() {
            return "REJECTED";
        }
    }
}
