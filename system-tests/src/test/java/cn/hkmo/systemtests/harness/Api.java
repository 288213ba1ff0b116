package cn.hkmo.systemtests.harness;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests to the gateway, the suite's only public entry, as the callers of the issue make them. */
public final class Api {

    private Api() {
    }

    /** No token (public reads, and the payment platform's notify). */
    public static RequestSpecification anonymous() {
        return given().baseUri(Suite.get().gatewayUrl()).filter(Answers.FILTER).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A demo user of the realm (password grant through {@code hkmo-dev-cli}). */
    public static RequestSpecification as(String user) {
        return withToken(Tokens.of(user));
    }

    /** Any bearer token (a partner's, a tampered one, ...). */
    public static RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** A fresh {@code Idempotency-Key} for a write a client may retry. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }
}
