package com.brandclosure.platform.web;

import com.brandclosure.platform.json.StrictJson;
import com.brandclosure.platform.kernel.DomainException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why a request body could not be read, in the client's terms: which field (as a JSON
 * path such as {@code items[2].amountMinor}) and why. Jackson's own messages name Java types
 * and are not passed on.
 */
final class UnreadableBody {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]{1,100})\"");

    /** {@code field} null when the refusal is about the body as a whole. */
    record Refusal(String field, String reason) {
    }

    private UnreadableBody() {
    }

    static Refusal explain(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException json)) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("Required request body is missing")) {
                return new Refusal(null, "a JSON request body is required");
            }
            return new Refusal(null, "the request body could not be read");
        }
        String field = path(json);
        return switch (json) {
            case StrictJson.RefusedString refused -> new Refusal(orBody(field), refused.reason());
            case UnrecognizedPropertyException unknown -> new Refusal(orBody(field), "is not a known field");
            case InvalidNullException ignored -> new Refusal(orBody(field), "must not be null");
            case ValueInstantiationException invalid -> new Refusal(orBody(field), instantiationReason(invalid));
            case MismatchedInputException mismatch when mismatch.getTargetType() != null && field == null
                    && isMissingBody(mismatch) -> new Refusal(null, "a JSON request body is required");
            case MismatchedInputException mismatch -> new Refusal(orBody(field), Reasons.expected(mismatch.getTargetType()));
            case InputCoercionException ignored -> new Refusal(orBody(field), "is out of range");
            case StreamReadException read -> streamRefusal(read, field);
            default -> new Refusal(field, "has an invalid value");
        };
    }

    private static boolean isMissingBody(MismatchedInputException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("No content to map");
    }

    private static Refusal streamRefusal(StreamReadException read, String field) {
        String original = read.getOriginalMessage() == null ? "" : read.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            String name = field == null ? duplicate.group(1) : field + "." + duplicate.group(1);
            return new Refusal(name, "appears more than once");
        }
        var location = read.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new Refusal(null, "the request body is not valid JSON" + where);
    }

    private static String instantiationReason(ValueInstantiationException e) {
        Throwable cause = e.getCause();
        // A value record's own check (e.g. AccountId, Money): those messages are written for clients.
        if (cause instanceof IllegalArgumentException || cause instanceof DomainException) {
            return cause.getMessage();
        }
        return "has an invalid value";
    }

    private static String orBody(String field) {
        return field == null ? "body" : field;
    }

    /** The JSON path of the refused value: {@code a.b[0].c}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
