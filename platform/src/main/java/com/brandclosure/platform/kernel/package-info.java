/**
 * Shared value types of the domain (money, account id): pure Java, no framework. Every
 * service's {@code domain} package may use these and nothing else of the platform.
 */
package com.brandclosure.platform.kernel;
