package cn.hkmo.kit.document;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The documents a service has issued ({@code issued_document}, from {@code db/kit-documents}): each kept as issued,
 * with its verification code and the SHA-256 fingerprint of its content, so that a reprint says what the first print
 * said (a renamed authority or a later change to the case does not rewrite a document already handed out) and a
 * verification can tell whether the stored document is still the one issued.
 */
@ApplicationScoped
@IfBuildProperty(name = "hkmo.documents.enabled", stringValue = "true")
public class IssuedDocuments {

    public static final String PDF = "application/pdf";

    private final EntityManager entityManager;

    public IssuedDocuments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Issues the document once: the first call for its type and number stores it with a new verification code, every
     * later one (also a concurrent twin) returns what was stored first.
     */
    @Transactional
    public PrintedDocument issue(PrintedDocument content) {
        Optional<PrintedDocument> issued = find(content.type(), content.number());
        if (issued.isPresent()) {
            return issued.get();
        }
        PrintedDocument document = content.withVerificationCode(VerificationCodes.generate());
        String json = write(document);
        entityManager.createNativeQuery("insert into issued_document (verification_code, type, document_no, content, "
                        + "sha256, issued_at) values (:code, :type, :no, :content, :sha256, :issuedAt) "
                        + "on conflict (type, document_no) do nothing")
                .setParameter("code", document.verificationCode())
                .setParameter("type", document.type().name())
                .setParameter("no", document.number())
                .setParameter("content", json)
                .setParameter("sha256", sha256(json))
                .setParameter("issuedAt", document.issuedAt())
                .executeUpdate();
        return find(content.type(), content.number()).orElseThrow();
    }

    /** The document of that type and number as it was issued, if it was. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PrintedDocument> find(DocumentType type, String number) {
        List<?> rows = entityManager.createNativeQuery(
                        "select content from issued_document where type = :type and document_no = :no")
                .setParameter("type", type.name())
                .setParameter("no", number)
                .getResultList();
        return rows.stream().findFirst().map(content -> read((String) content));
    }

    /**
     * What a verification code certifies.
     *
     * @param entered the code as typed (any case, hyphens optional)
     * @throws ProblemException {@code DOCUMENT_NOT_FOUND} when no document of the type has it
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(DocumentType type, String entered) {
        String code = VerificationCodes.normalise(entered)
                .orElseThrow(() -> new ProblemException(DocumentError.DOCUMENT_NOT_FOUND));
        List<?> rows = entityManager.createNativeQuery(
                        "select content, sha256 from issued_document where verification_code = :code and type = :type")
                .setParameter("code", code)
                .setParameter("type", type.name())
                .getResultList();
        Object[] row = (Object[]) rows.stream().findFirst()
                .orElseThrow(() -> new ProblemException(DocumentError.DOCUMENT_NOT_FOUND));
        String content = (String) row[0];
        PrintedDocument document = read(content);
        return new Verification(sha256(content).equals(row[1]), type, type.titleZh(), document.number(),
                document.authority(), document.issuedAt(), document.applicant().nameMasked(),
                document.applicant().residentIdMasked());
    }

    /** The answer that hands the document over as a PDF, shown in the browser and saved under its number. */
    public static Response pdf(PrintedDocument document) {
        return Response.ok(DocumentRenderer.render(document), PDF)
                .header("Content-Disposition", "inline; filename=\"" + document.number() + ".pdf\"")
                .build();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String write(PrintedDocument document) {
        try {
            return EventEnvelope.JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + document.type() + " " + document.number(), e);
        }
    }

    private static PrintedDocument read(String content) {
        try {
            return EventEnvelope.JSON.readValue(content, PrintedDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not a PrintedDocument", e);
        }
    }
}
