package com.brandclosure.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a controller method (or every method of a controller). A handler
 * with neither {@code @Allow} nor {@link PublicEndpoint} is refused to everybody (403): a new
 * endpoint is closed until somebody decides who may call it, and the role-matrix tests fail.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allow {
    Role[] value();
}
