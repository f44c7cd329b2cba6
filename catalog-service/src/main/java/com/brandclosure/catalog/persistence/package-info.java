/**
 * Read models of catalog-service (plain JDBC), written only as projections of the events the command
 * runner appends, in the same transaction. The account summary is re-evaluated from the live-catalog
 * count after a flush, so it always sees the catalog change of its own unit of work.
 */
package com.brandclosure.catalog.persistence;
