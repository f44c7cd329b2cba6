package com.brandclosure.platform.web;

import com.brandclosure.platform.kernel.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The one way every list of every service pages, the API's and the actuator's alike:
 * {@code ?limit=} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and {@code ?after=},
 * an opaque cursor naming the last item of the previous page in the list's (stable, unique) order.
 * When more items follow, the answer carries an RFC 8288 {@code Link: <…>; rel="next"} header: the
 * same request with {@code after} set to the cursor of the page's last item. The body keeps the
 * list's shape (a page is a shorter list), so callers that ask for less than a page see no change.
 * <p>
 * A query fetches {@link Request#fetch()} rows (one more than the limit: whether a next page exists,
 * without a count) after the cursor's key, in its order; {@link #page} trims the extra row and sets
 * the header. Cursors are keyset positions, not offsets: an item inserted meanwhile neither repeats
 * nor hides another. A bad {@code limit} or a cursor this list did not give is a 400 naming the field.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** The refusal of a limit out of range; a controller's {@code @Min}/{@code @Max} on {@code limit} use it too. */
    public static final String LIMIT_REASON = "must be a whole number from 1 to " + MAX_LIMIT;
    private static final char SEPARATOR = '\u001f';

    private Paging() {
    }

    /**
     * A page request: at most {@code limit} items, those after the position {@code after} (null: from the
     * start), a cursor's parts as {@link #cursor} made them.
     */
    public record Request(int limit, List<String> after) {

        /** Rows to fetch: one more than the limit, which tells whether a next page exists. */
        public int fetch() {
            return limit + 1;
        }

        public boolean fromStart() {
            return after == null;
        }

        /** Part {@code i} of the cursor (the list's sort key, in order). */
        public String after(int i) {
            return after.get(i);
        }

        /** Part {@code i} of the cursor read by {@code parse} (a forged cursor is a 400, not a 500). */
        public <T> T after(int i, Function<String, T> parse) {
            try {
                return parse.apply(after.get(i));
            } catch (RuntimeException e) {
                throw notACursor();
            }
        }

        /** Part {@code i} of the cursor as an instant, for a query parameter. */
        public java.sql.Timestamp afterTimestamp(int i) {
            return after(i, text -> java.sql.Timestamp.from(java.time.Instant.parse(text)));
        }

        /** Part {@code i} of the cursor as a number (an id or a position). */
        public long afterNumber(int i) {
            return after(i, Long::parseLong);
        }
    }

    /** The request of a controller's typed {@code limit} (null: the default) and {@code after}. */
    public static Request request(Integer limit, String after, int cursorParts) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new DomainException.BadRequest("limit", LIMIT_REASON);
        }
        return new Request(n, after == null ? null : parse(after, cursorParts));
    }

    /** The same from text (actuator operations take their query parameters as text). */
    public static Request request(String limit, String after, int cursorParts) {
        Integer n = null;
        if (limit != null) {
            if (!limit.matches("[0-9]{1,4}")) {
                throw new DomainException.BadRequest("limit", LIMIT_REASON);
            }
            n = Integer.parseInt(limit);
        }
        return request(n, after, cursorParts);
    }

    /** A cursor naming a position by its sort key's parts (each as text, e.g. an id or an ISO instant). */
    public static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> parse(String after, int parts) {
        try {
            if (after.length() > 1_000) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            List<String> split = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (split.size() != parts || split.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return List.copyOf(split);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static DomainException.BadRequest notACursor() {
        return new DomainException.BadRequest("after", "is not a cursor of this list (take it from the Link "
                + "header of the previous page)");
    }

    /**
     * The page of {@code fetched} (as the query returned it for {@code request}): at most the limit, and
     * the {@code Link: rel="next"} header on the current response when more follow.
     */
    public static <T> List<T> page(List<T> fetched, Request request, Function<T, String> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return fetched;
        }
        List<T> page = List.copyOf(fetched.subList(0, request.limit()));
        // Called outside an HTTP request (a test calling an endpoint bean): the page without a header.
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() instanceof HttpServletResponse response) {
            String next = ServletUriComponentsBuilder.fromRequest(attributes.getRequest())
                    .replaceQueryParam("after", cursorOf.apply(page.getLast()))
                    .replaceQueryParam("limit", request.limit())
                    .build().toUriString();
            response.addHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return page;
    }
}
