/**
 * Crypto-shredding after an account's closure: {@link Shredding} (schedule at AccountClosed, shred when
 * the retention has passed), the {@link Redaction} hook of a service's read models, and the evidence
 * {@link AccountDataShredded}. See platform.crypto for what is sealed.
 */
package com.brandclosure.platform.shredding;
