package com.brandclosure.platform.kernel;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ZonesTest {

    private static boolean same(String a, String b) {
        return Zones.same(ZoneId.of(a), ZoneId.of(b));
    }

    @Test
    void spellings_of_utc_are_one_zone() {
        for (String other : new String[] {"UTC", "Etc/UTC", "Z", "GMT", "UTC+00:00", "+00:00"}) {
            assertThat(same("UTC", other)).as("UTC vs " + other).isTrue();
            assertThat(same(other, "UTC")).as(other + " vs UTC").isTrue();
        }
    }

    @Test
    void a_fixed_offset_region_is_its_offset_and_a_link_is_its_target() {
        assertThat(same("Etc/GMT-1", "+01:00")).isTrue();
        assertThat(same("Asia/Calcutta", "Asia/Kolkata")).isTrue();
        assertThat(same("Europe/Paris", "Europe/Paris")).isTrue();
    }

    @Test
    void zones_with_other_rules_differ() {
        assertThat(same("Europe/Paris", "America/Los_Angeles")).isFalse();
        // London is UTC in winter only: not the same zone.
        assertThat(same("UTC", "Europe/London")).isFalse();
        assertThat(same("+01:00", "Europe/Paris")).isFalse();
        assertThat(same("+01:00", "+02:00")).isFalse();
    }
}
