package cn.hkmo.systemtests;

import cn.hkmo.systemtests.BadInputIT.Operation;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unauthenticated-write budget (issue 15): what a caller without a token can make the suite store. Every operation
 * of the merged OpenAPI document is asked once without a token; those the gateway lets through (anything but 401) get
 * a burst of requests: plausible ones from their schema, and for the payment notify refused ones filled with the
 * Alipay fields the audit keeps, in random (incompressible) characters, up to the edge's body limit. The rows and
 * bytes ({@code pg_column_size}) added to the four service databases are measured per operation, at rest before and
 * after, and held to the operation's budget: nothing for reads and questions; for the refused notify at most one
 * audit row per request of at most {@link #NOTIFY_ROW_BUDGET} bytes, the size of a genuine notify's (before the audit's
 * total bound, such a post stored 16.6 KB).
 */
@SystemTest
class UnauthenticatedWriteBudgetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 10;
    private static final String NOTIFY = "POST /api/v1/fees/alipay/notify";
    private static final String QUOTE = "POST /api/v1/fees/quotes";
    /** The gateway's hkmo.gateway.max-unauthenticated-body-size. */
    private static final int EDGE_BODY_LIMIT = 16 * 1024;
    /** fee-service's NotifyAuditFields.MAX_KEPT_LENGTH (3,000 characters) and the row's other columns. */
    private static final int NOTIFY_ROW_BUDGET = 4 * 1024;

    record Footprint(long rows, long bytes) {
    }

    @Test
    @DisplayName("every operation reachable without a token: rows and bytes written per request, within its budget")
    void everyAnonymousOperationStaysWithinItsWriteBudget() throws Exception {
        JsonNode doc = JSON.readTree(given().baseUri(Suite.get().gatewayUrl()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Random random = new Random(20261204L);
        List<Operation> reachable = new ArrayList<>();
        for (Operation op : BadInputIT.operations(doc)) {
            if (send(doc, op, random).statusCode() != 401) {
                reachable.add(op);
            }
        }
        assertThat(reachable).extracting(Operation::name)
                .as("the operations anyone may call: the public reads, the two questions and the payment notify")
                .contains("GET /api/v1/halls", "POST /api/v1/eligibility/assessments", QUOTE, NOTIFY)
                .allMatch(name -> name.startsWith("GET ") || name.equals(NOTIFY)
                        || name.equals("POST /api/v1/eligibility/assessments") || name.equals(QUOTE));

        Map<String, String> figures = new TreeMap<>();
        List<String> overBudget = new ArrayList<>();
        Db.noHoldLapsingWithin(Duration.ofMinutes(2));
        for (Operation op : reachable) {
            Map<String, Footprint> before = Db.atRest(UnauthenticatedWriteBudgetIT::footprint);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < BURST; i++) {
                statuses.merge(send(doc, op, random).statusCode(), 1, Integer::sum);
            }
            Map<String, Footprint> after = Db.atRest(UnauthenticatedWriteBudgetIT::footprint);
            Footprint added = added(before, after);
            double rowsPerRequest = (double) added.rows() / BURST;
            double bytesPerRequest = (double) added.bytes() / BURST;
            figures.put(op.name(), String.format("%s -> %.1f rows, %.0f bytes per request %s", statuses, rowsPerRequest,
                    bytesPerRequest, changedTables(before, after)));
            boolean within = op.name().equals(NOTIFY)
                    ? rowsPerRequest <= 1 && bytesPerRequest <= NOTIFY_ROW_BUDGET
                    : added.rows() == 0 && added.bytes() == 0;
            if (!within) {
                overBudget.add(op.name() + ": " + figures.get(op.name()));
            }
        }
        Suite.log("[write budget] " + reachable.size() + " operations reachable without a token, " + BURST
                + " requests each:\n  " + String.join("\n  ", figures.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()));
        assertThat(overBudget).as("operations over their unauthenticated-write budget").isEmpty();
        assertThat(figures.get(NOTIFY)).as("the refused notifies reached fee-service and were audited")
                .contains("400=").doesNotContain("0.0 rows");
    }

    private static Response send(JsonNode doc, Operation op, Random random) {
        RequestSpecification spec = given().baseUri(Suite.get().gatewayUrl()).accept("application/json, application/problem+json");
        String path = op.path().replaceAll("\\{[^}]+}", "X" + random.nextInt(1000));
        if (op.name().equals(NOTIFY)) {
            // as the payment platform posts it: a form, any answer
            return given().baseUri(Suite.get().gatewayUrl()).accept("*/*")
                    .contentType("application/x-www-form-urlencoded").formParams(largestRefusedNotify(random)).post(path);
        }
        if (op.name().equals(QUOTE) && random.nextBoolean()) {
            // a valid question too, so the quote's own path is measured, not only its validation
            return spec.contentType("application/json").body(Map.of("permit", true, "endorsements", List.of(
                    Map.of("destination", "HK", "type", "G", "validity", "P1Y", "entries", "SINGLE")))).post(path);
        }
        if (op.bodySchema() != null) {
            spec = spec.contentType("application/json").body(BadInputIT.example(doc, op.bodySchema(), random, 0).toString());
        }
        return spec.request(op.method(), path);
    }

    /** The Alipay fields the audit keeps, each in random characters, to just under the edge's body limit. */
    private static Map<String, String> largestRefusedNotify(Random random) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sign", "x");
        String[] fields = {"out_trade_no", "trade_no", "subject", "body", "notify_id", "buyer_id", "seller_id",
                "passback_params", "fund_bill_list", "voucher_detail_list", "buyer_logon_id", "seller_email",
                "notify_time", "gmt_create", "gmt_payment", "app_id", "auth_app_id", "out_biz_no", "buyer_open_id",
                "trade_status", "total_amount", "receipt_amount", "invoice_amount"};
        int budget = EDGE_BODY_LIMIT - 200;
        for (String field : fields) {
            int length = Math.min(700, budget - field.length() - 2);
            if (length <= 0) {
                break;
            }
            StringBuilder value = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                value.append((char) ('a' + random.nextInt(26)));
            }
            form.put(field, value.toString());
            budget -= field.length() + 2 + length;
        }
        return form;
    }

    /** Rows and bytes of every table of the four service databases. */
    private static Map<String, Footprint> footprint() {
        Map<String, Footprint> tables = new LinkedHashMap<>();
        for (String db : Db.SERVICE_DATABASES) {
            for (String table : Db.tables(db)) {
                Map<String, String> row = Db.rows(db, "select count(*) as n, coalesce(sum(pg_column_size(t.*)), 0) as b "
                        + "from " + table + " t").get(0);
                tables.put(db + "." + table, new Footprint(Long.parseLong(row.get("n")), Long.parseLong(row.get("b"))));
            }
        }
        return tables;
    }

    private static Footprint added(Map<String, Footprint> before, Map<String, Footprint> after) {
        long rows = 0;
        long bytes = 0;
        for (Map.Entry<String, Footprint> table : after.entrySet()) {
            Footprint was = before.getOrDefault(table.getKey(), new Footprint(0, 0));
            rows += Math.max(0, table.getValue().rows() - was.rows());
            bytes += Math.max(0, table.getValue().bytes() - was.bytes());
        }
        return new Footprint(rows, bytes);
    }

    private static List<String> changedTables(Map<String, Footprint> before, Map<String, Footprint> after) {
        return after.entrySet().stream().filter(t -> !t.getValue().equals(before.get(t.getKey())))
                .map(t -> t.getKey() + " " + before.get(t.getKey()) + " -> " + t.getValue()).toList();
    }
}
