package com.brandclosure.closure.web;

import com.brandclosure.platform.kernel.DomainException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** The one place that decides who the caller is: the {@code X-Actor} header (required), until security comes. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ACTOR_HEADER = "X-Actor";
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        String actor = request.getHeader(ACTOR_HEADER);
        if (actor == null || actor.isBlank()) {
            throw new DomainException.BadRequest("the " + ACTOR_HEADER + " header is required: it names who issues"
                    + " the command, for the audit trail and the four-eyes rule");
        }
        if (actor.length() > 200) {
            throw new DomainException.BadRequest("the " + ACTOR_HEADER + " header is longer than 200 characters");
        }
        return new Actor(actor.strip(), request.getHeader(CORRELATION_HEADER));
    }
}
