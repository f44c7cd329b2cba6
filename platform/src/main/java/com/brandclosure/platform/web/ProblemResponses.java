package com.brandclosure.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.Map;

/**
 * Writes a problem detail straight to the response, for the refusals made before the MVC layer
 * runs (servlet filters, the security entry points), in the same shape the exception handler gives.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status, detail, Map.of());
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail,
                             Map<String, String> fieldErrors) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(quote(status.getReasonPhrase()))
                .append("\",\"status\":").append(status.value()).append(",\"detail\":\"").append(quote(detail)).append('"');
        if (!fieldErrors.isEmpty()) {
            json.append(",\"fieldErrors\":{");
            String separator = "";
            for (var e : fieldErrors.entrySet()) {
                json.append(separator).append('"').append(quote(e.getKey())).append("\":\"").append(quote(e.getValue()))
                        .append('"');
                separator = ",";
            }
            json.append('}');
        }
        response.getWriter().write(json.append('}').toString());
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
