package com.brandclosure.testkit.brokenservice.config;

/** A configuration class not named *Configuration. */
@org.springframework.context.annotation.Configuration
public class Wiring {
}
