package cn.hkmo.systemtests.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaking-change check on the committed contract itself: it catches what would break a client, only that. */
class OpenApiContractTest {

    private static String committed() throws IOException {
        return Files.readString(Suite.locateRepoRoot().resolve(OpenApiContract.FILE));
    }

    @Test
    void sameDocumentBreaksNothing() throws IOException {
        assertThat(OpenApiContract.breakingChanges(committed(), committed())).isEmpty();
    }

    @Test
    void aRemovedOperationIsBreaking() throws IOException {
        String doc = committed();
        String cancel = "  /api/v1/bookings/{no}/cancel:\n";
        int from = doc.indexOf(cancel);
        int to = doc.indexOf("\n  /", from + cancel.length()) + 1;
        assertThat(from).isPositive();
        String withoutCancel = doc.substring(0, from) + doc.substring(to);
        assertThat(OpenApiContract.breakingChanges(doc, withoutCancel))
                .containsExactly("removed: POST /api/v1/bookings/{no}/cancel");
    }

    /**
     * A field the answer promised (required) and removed breaks clients; so does a new required input. openapi-diff
     * lets an optional answer field go (clients must cope with its absence anyway) and lets optional ones be added.
     */
    @Test
    void aRemovedRequiredAnswerFieldOrANewRequiredInputIsBreakingAndANewOptionalFieldIsNot() throws IOException {
        String doc = committed();
        int hall = doc.indexOf("\n    HallView:\n");
        Matcher nextSchema = Pattern.compile("\n    [A-Za-z]").matcher(doc);
        assertThat(nextSchema.find(hall + 1)).isTrue();
        int next = nextSchema.start();
        String hallView = doc.substring(hall, next);
        String withoutName = hallView.replace("        name:\n          pattern: \\S\n          type: string\n", "").replace("      - name\n", "");
        assertThat(withoutName).isNotEqualTo(hallView);
        assertThat(OpenApiContract.breakingChanges(doc, doc.replace(hallView, withoutName)))
                .contains("changed incompatibly: GET /api/v1/halls/{id}");

        String required = "      required:\n      - receiptNo\n";
        assertThat(OpenApiContract.breakingChanges(doc, doc.replace(required, required + "      - amountFen\n")))
                .containsExactly("changed incompatibly: POST /api/v1/fees/orders/{orderNo}/counter-payments");

        String field = "        checkInCode:\n          type: string\n";
        assertThat(OpenApiContract.breakingChanges(doc, doc.replace(field, field + "        note:\n          type: string\n")))
                .isEmpty();
    }
}
