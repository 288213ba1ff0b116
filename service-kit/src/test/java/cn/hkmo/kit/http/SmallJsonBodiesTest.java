package cn.hkmo.kit.http;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SmallJsonBodiesTest {

    private final SmallJsonBodies bodies = new SmallJsonBodies(new MemorySize(BigInteger.valueOf(10_240)));

    @Test
    void aJsonBodyUpToTheLimitIsReadOnTheEventLoop() {
        assertThat(bodies.readHere("1", "application/json")).isTrue();
        assertThat(bodies.readHere("10240", "application/json; charset=UTF-8")).isTrue();
        assertThat(bodies.readHere("300", "Application/JSON")).isTrue();
        assertThat(bodies.readHere("300", "application/merge-patch+json")).isTrue();
    }

    @Test
    void largerChunkedOrEmptyBodiesGoTheUsualWay() {
        assertThat(bodies.readHere("10241", "application/json")).isFalse();
        assertThat(bodies.readHere(null, "application/json")).as("chunked").isFalse();
        assertThat(bodies.readHere("0", "application/json")).isFalse();
        assertThat(bodies.readHere("", "application/json")).isFalse();
    }

    @Test
    void aLengthThatIsNotPlainDigitsIsNotTrusted() {
        assertThat(bodies.readHere("-1", "application/json")).isFalse();
        assertThat(bodies.readHere("+12", "application/json")).isFalse();
        assertThat(bodies.readHere("1 2", "application/json")).isFalse();
        assertThat(bodies.readHere("١٢", "application/json")).as("Arabic-Indic digits").isFalse();
        assertThat(bodies.readHere("99999999999999999999", "application/json")).as("would overflow a long").isFalse();
    }

    @Test
    void onlyJsonIsReadHere() {
        assertThat(bodies.readHere("300", "application/x-www-form-urlencoded")).isFalse();
        assertThat(bodies.readHere("300", "multipart/form-data; boundary=x")).isFalse();
        assertThat(bodies.readHere("300", "text/plain")).isFalse();
        assertThat(bodies.readHere("300", "json")).isFalse();
        assertThat(bodies.readHere("300", null)).isFalse();
    }
}
