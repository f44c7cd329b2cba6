package com.brandclosure.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET operation that answers a list which does not grow with the data (e.g. one entry per
 * configured service), so it needs no {@link Paging}. The reason is required and is read by the
 * test kit's paging check, which otherwise refuses every unpaged list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unpaged {

    /** Why the list is bounded without paging (what bounds it). */
    String value();
}
