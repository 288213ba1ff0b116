package cn.hkmo.kit.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessTimeJsonTest {

    record Answer(OffsetDateTime decidedAt, Instant at, ZonedDateTime zoned, LocalDate date) {
    }

    @Test
    void everyPointInTimeIsWrittenAsAnOffsetDateTimeInTheBusinessZone() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new BusinessTimeJson().customize(mapper);
        Instant instant = Instant.parse("2027-12-31T17:05:00.123Z");

        String json = mapper.writeValueAsString(new Answer(instant.atOffset(java.time.ZoneOffset.UTC), instant,
                instant.atZone(ZoneId.of("Europe/London")), LocalDate.of(2027, 12, 31)));

        // the UTC evening is already the next day in Beijing; a date stays a date
        assertThat(json).isEqualTo("{\"decidedAt\":\"2028-01-01T01:05:00.123+08:00\","
                + "\"at\":\"2028-01-01T01:05:00.123+08:00\",\"zoned\":\"2028-01-01T01:05:00.123+08:00\","
                + "\"date\":\"2027-12-31\"}");
    }

    @Test
    void theSameInstantReadsTheSameWhicheverOffsetItCameIn() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new BusinessTimeJson().customize(mapper);

        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2027-03-01T01:30:00Z")))
                .isEqualTo(mapper.writeValueAsString(OffsetDateTime.parse("2027-03-01T09:30:00+08:00")))
                .isEqualTo("\"2027-03-01T09:30:00+08:00\"");
    }

    @Test
    void aTimeAnsweredFromMemoryReadsLikeTheSameTimeLoadedBackFromTheDatabase() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new BusinessTimeJson().customize(mapper);

        // collectedAt was answered with nanoseconds by the POST and with PostgreSQL's microseconds by the GET after it
        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-05T03:28:39.684279593Z")))
                .isEqualTo(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-05T11:28:39.684279+08:00")))
                .isEqualTo("\"2026-12-05T11:28:39.684279+08:00\"");
    }
}
