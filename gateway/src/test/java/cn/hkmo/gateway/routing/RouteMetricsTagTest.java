package cn.hkmo.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteMetricsTagTest {

    @Test
    void a_path_is_tagged_by_its_route_never_by_what_follows() {
        assertThat(RouteMetricsTag.templateOf("/api/v1/bookings", "/api/v1/bookings")).isEqualTo("/api/v1/bookings");
        assertThat(RouteMetricsTag.templateOf("/api/v1/bookings/YY2612040001/cancel", "/api/v1/bookings"))
                .isEqualTo("/api/v1/bookings/**");
        assertThat(RouteMetricsTag.templateOf("/api/v1/bookings/JUNK17", "/api/v1/bookings")).isEqualTo("/api/v1/bookings/**");
        assertThat(RouteMetricsTag.templateOf("/api/v9/whatever/42", null)).isEqualTo(RouteMetricsTag.UNROUTED);
    }
}
