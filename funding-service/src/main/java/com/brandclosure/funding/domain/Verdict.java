package com.brandclosure.funding.domain;

/** What one named rule says about a request: allowed, or rejected with the rule's name and the reason. */
public sealed interface Verdict {

    record Allowed() implements Verdict {
    }

    record Rejected(String rule, String reason) implements Verdict {

        /** The reason followed by the rule that gave it, for the refusal's message. */
        public String explained() {
            return reason + " (rule " + rule + ")";
        }
    }
}
