/**
 * Catalog use cases: {@code CatalogCommands} (create, delete, deactivate: the three share one shape,
 * so they share one class) and {@code CatalogQueries} (read). Each command runs as one unit of work
 * of the platform's command runner: the account's lock, the catalog and account streams, the
 * decision, then the summary re-evaluated in the same transaction.
 * <p>
 * Tenant isolation is decided here, not only in the controller: every use case reached from outside
 * takes the calling {@code Actor} and refuses another brand's account as not found (404) before it
 * reads or changes anything.
 */
package com.brandclosure.catalog.application;
