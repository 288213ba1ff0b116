package cn.hkmo.appointment.hall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTest {

    @Test
    void anyDistrictOfAMunicipalityIsTheHukouArea() {
        assertThat(Region.sameHukouArea("110108", "110105")).isTrue();
        assertThat(Region.sameHukouArea("310104", "310115")).isTrue();
    }

    @Test
    void elsewhereTheCityDecides() {
        assertThat(Region.sameHukouArea("440106", "440104")).isTrue();
        assertThat(Region.sameHukouArea("440106", "440304")).isFalse();
        assertThat(Region.sameHukouArea("110105", "310115")).isFalse();
    }

    @Test
    void distanceBetweenBeijingAndShanghaiHalls() {
        double km = new GeoPoint(39.9334, 116.4717).distanceKm(new GeoPoint(31.2253, 121.5440));
        assertThat(km).isBetween(1050.0, 1090.0);
    }
}
