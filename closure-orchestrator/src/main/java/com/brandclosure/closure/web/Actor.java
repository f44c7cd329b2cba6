package com.brandclosure.closure.web;

/**
 * Who issues a request. For now the {@code X-Actor} header says so; when security arrives, only
 * {@link ActorArgumentResolver} changes.
 */
public record Actor(String name, String correlationId) {
}
