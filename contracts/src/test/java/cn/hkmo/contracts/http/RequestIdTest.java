package cn.hkmo.contracts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

class RequestIdTest {

    @Test
    void keepsWellFormedIdsOfEightTo128Characters() {
        assertEquals("ticket-1", RequestId.keepOrCreate("ticket-1"));
        String longest = "a".repeat(128);
        assertEquals(longest, RequestId.keepOrCreate(longest));
        String uuid = "0b8f6a1e-2f4c-4d7e-9a51-3c2d1e0f9a8b";
        assertEquals(uuid, RequestId.keepOrCreate(uuid));
    }

    @Test
    void replacesMissingShortLongAndHarmfulIds() {
        for (String bad : new String[] {null, "", "short", "a".repeat(129), "-leading-hyphen", "line\nbreak-injected",
                "spaces are not ok", "x;y=z-header"}) {
            String kept = RequestId.keepOrCreate(bad);
            assertNotEquals(bad, kept);
            assertEquals(36, kept.length(), "a new UUID for " + bad);
        }
    }

    @Test
    void newIdsAreDistinctRandomUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.fromString(RequestId.create());
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            ids.add(id.toString());
        }
        assertEquals(10_000, ids.size());
    }
}
