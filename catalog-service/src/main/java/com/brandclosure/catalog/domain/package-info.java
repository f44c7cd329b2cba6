/**
 * The product-catalog model, pure Java (deciders over sealed records).
 * <p>
 * Invariants: catalogs are created and deleted one at a time; a deleted catalog stays deleted
 * (deleting it again is refused as a conflict, and changes nothing); once the account is
 * deactivated no catalog can be created, while deleting stays allowed. The account-level
 * "catalogs deleted" precondition is published only when it flips.
 * Only {@code java.*} and {@code com.brandclosure.platform.kernel} may be imported (ArchitectureTest).
 */
package com.brandclosure.catalog.domain;
