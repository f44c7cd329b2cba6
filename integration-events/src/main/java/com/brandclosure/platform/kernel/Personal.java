package com.brandclosure.platform.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record component personal or confidential (comments to partners, partner ids, landing
 * URLs, reasons, people's names). The platform encrypts every text value under such a component with the
 * account's data key when it stores an event or a snapshot, and after the account is shredded the text
 * reads as {@code "<shredded>"}. Numbers, booleans, dates held as numbers and the record's shape stay in
 * clear: amounts, versions and times must survive for audit and accounting, so never put this on them.
 * Pure Java: a marker only, read by the platform's {@code crypto} package.
 * <p>
 * It lives in the {@code integration-events} jar (the lowest module: the platform depends on it) but in
 * the kernel package, so that the published records can declare their personal components with the
 * same annotation as the domain events, and the domain still depends on nothing but the kernel.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Personal {
}
