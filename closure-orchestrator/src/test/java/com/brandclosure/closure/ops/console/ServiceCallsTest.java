package com.brandclosure.closure.ops.console;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console follows the platform's paging: the next page is the path and query of the Link rel="next". */
class ServiceCallsTest {

    @Test
    void the_next_page_is_the_path_and_query_of_the_link_header_of_rel_next() {
        assertThat(ServiceCalls.nextPage(List.of(
                "<http://127.0.0.1:8081/api/v1/accounts/acme/audit?limit=500&after=MTIz>; rel=\"next\"")))
                .isEqualTo("/api/v1/accounts/acme/audit?limit=500&after=MTIz");
        assertThat(ServiceCalls.nextPage(List.of("<http://x/a?b=1>; rel=\"prev\"", "<http://x/a?after=Mg>;rel=next")))
                .isEqualTo("/a?after=Mg");
    }

    @Test
    void the_last_page_has_no_next() {
        assertThat(ServiceCalls.nextPage(List.of())).isNull();
        assertThat(ServiceCalls.nextPage(List.of("<http://x/a?after=Mg>; rel=\"prev\""))).isNull();
    }
}
