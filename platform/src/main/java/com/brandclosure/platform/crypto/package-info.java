/**
 * Encryption of personal data with a key per account, and what crypto-shredding leaves behind.
 * <p>
 * <b>What is sealed.</b> Every record component declared {@link com.brandclosure.platform.kernel.Personal}
 * (its text values) and the actor of every event, in the {@code events} and {@code snapshots} tables and in
 * the outbox envelopes, with the account's data key ({@link DataKeys}, table {@code account_data_keys},
 * wrapped by {@link KeyWrapping}); see {@link PersonalData} for the format. Types, versions, times, amounts,
 * ids and the shape of every record stay in clear, so an account's history still loads, folds and adds up
 * after its key is gone; its personal text then reads {@code "<shredded>"}.
 * <p>
 * <b>What integration events on Kafka carry.</b> The published records declare their personal components
 * with the same annotation, and the outbox seals them (and the envelope's actor) with the producer's key
 * for the account. No consumer holds another service's keys and none needs the sealed text: comments,
 * reasons, people's names and catalog names are for the owning service's users and audit trail, while what
 * a consumer acts on — account id, contract/action/deposit ids, amounts, dates, partner ids on
 * {@code contracts.events} (payouts matches conversions to the partner's contract terms) — stays in clear.
 * So there is no key service for consumers to call, no consumer breaks when a producer shreds, and the
 * sealed text left on a topic (until the topic's retention removes the record) becomes unreadable at the
 * producer's shredding like everything else of the account. Partner ids are pseudonymous identifiers the
 * consumers join on; they are sealed in every store and in clear only in flight and on the topics.
 * A consumer that stores a sealed value it received keeps it as an opaque token (it reads as
 * {@code "<shredded>"} wherever it is opened).
 */
package com.brandclosure.platform.crypto;
