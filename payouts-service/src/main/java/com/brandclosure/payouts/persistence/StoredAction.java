package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.ActionState;

/** An action's state as of {@code version} of its stream. */
public record StoredAction(ActionState state, long version) {
}
