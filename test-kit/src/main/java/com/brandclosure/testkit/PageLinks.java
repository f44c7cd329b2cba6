package com.brandclosure.testkit;

import java.net.URI;
import java.util.regex.Pattern;

/** Reads the platform's paging header ({@code Link: <…>; rel="next"}, RFC 8288) in tests. */
public final class PageLinks {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private PageLinks() {
    }

    /**
     * The path and query of the next page named by {@code linkHeader} (the Link header's value, null when the
     * answer had none), or null when there is no next page. Fails on a Link header without {@code rel="next"}.
     */
    public static String next(String linkHeader) {
        if (linkHeader == null) {
            return null;
        }
        var m = NEXT.matcher(linkHeader);
        if (!m.find()) {
            throw new AssertionError("a Link header without rel=\"next\": " + linkHeader);
        }
        URI uri = URI.create(m.group(1));
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
