package com.brandclosure.platform.command;

import java.util.List;

/**
 * Keeps a read model in step with the event store: called by the command runner with everything a
 * flush appended, in the same transaction, in append order. Declare implementations as beans.
 */
@FunctionalInterface
public interface Projection {

    void project(List<Appended> appended);
}
