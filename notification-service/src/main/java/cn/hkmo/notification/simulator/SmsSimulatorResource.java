package cn.hkmo.notification.simulator;

import cn.hkmo.kit.identity.MobileNumber;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Alibaba Cloud SMS API over HTTP (docs/adr/0009), and its inspection paths for the local run and the
 * tests. The SDK calls the endpoint's root ({@code POST /?<parameters>} with the action in {@code x-acs-action}), so
 * the API answers there. Every path answers 404 unless {@code hkmo.simulator.enabled} is true (dev and test only).
 */
@Path("/")
@PermitAll
public class SmsSimulatorResource {

    /** The provider refuses a request signed longer ago than this, and any nonce it has seen. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final SimulatedSmsProvider provider;
    private final SimulatorConfig.Sms config;
    private final boolean enabled;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    public SmsSimulatorResource(SimulatedSmsProvider provider, SimulatorConfig config) {
        this.provider = provider;
        this.config = config.sms();
        this.enabled = config.enabled();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response api(@HeaderParam("x-acs-action") String action, @Context UriInfo uri, @Context HttpHeaders headers,
                        byte[] body) {
        on();
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        Map<String, String> lower = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lower.put(name.toLowerCase(), values.get(0)));
        Response refused = checkSignature(query, lower, body == null ? new byte[0] : body);
        if (refused != null) {
            return refused;
        }
        return switch (action == null ? "" : action) {
            case "SendSms" -> sendSms(query);
            case "QuerySendDetails" -> querySendDetails(query);
            default -> error(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        };
    }

    private Response sendSms(Map<String, String> q) {
        String phone = q.get("PhoneNumbers");
        if (phone == null || MobileNumber.normalise(phone).isEmpty()) {
            return ok(Map.of("Code", "isv.MOBILE_NUMBER_ILLEGAL", "Message", "非法手机号", "RequestId", SimulatedSmsProvider.requestId()));
        }
        if (q.get("SignName") == null || q.get("TemplateCode") == null) {
            return ok(Map.of("Code", "isv.INVALID_PARAMETERS", "Message", "参数异常", "RequestId", SimulatedSmsProvider.requestId()));
        }
        SimulatedSmsProvider.SendResult result = provider.send(phone, q.get("SignName"), q.get("TemplateCode"),
                q.getOrDefault("TemplateParam", "{}"), q.get("OutId"));
        if (result.fault().isPresent()) {
            switch (result.fault().get()) {
                case DOWN -> {
                    return error(500, "InternalError", "The request processing has failed due to some unknown error.");
                }
                case LIMITED -> {
                    return ok(Map.of("Code", "isv.BUSINESS_LIMIT_CONTROL", "Message", "触发号码天级流控",
                            "RequestId", SimulatedSmsProvider.requestId()));
                }
                case ANSWER_LOST -> {
                    return error(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
                }
                case HANG -> pause(result.delay());
            }
        }
        return ok(Map.of("Code", "OK", "Message", "OK", "BizId", result.received().orElseThrow().bizId(),
                "RequestId", SimulatedSmsProvider.requestId()));
    }

    private Response querySendDetails(Map<String, String> q) {
        String phone = q.get("PhoneNumber");
        LocalDate day;
        int page;
        int size;
        try {
            day = LocalDate.parse(q.get("SendDate"), DateTimeFormatter.BASIC_ISO_DATE);
            page = Integer.parseInt(q.getOrDefault("CurrentPage", "1"));
            size = Integer.parseInt(q.getOrDefault("PageSize", "10"));
        } catch (RuntimeException e) {
            return ok(Map.of("Code", "isv.INVALID_PARAMETERS", "Message", "参数异常", "RequestId", SimulatedSmsProvider.requestId()));
        }
        if (phone == null || page < 1 || size < 1 || size > 50) {
            return ok(Map.of("Code", "isv.INVALID_PARAMETERS", "Message", "参数异常", "RequestId", SimulatedSmsProvider.requestId()));
        }
        List<Map<String, String>> details = provider.sentOn(phone, day, page, size).stream().map(provider::detail).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Code", "OK");
        answer.put("Message", "OK");
        answer.put("RequestId", SimulatedSmsProvider.requestId());
        answer.put("TotalCount", String.valueOf(provider.countOn(phone, day)));
        answer.put("SmsSendDetailDTOs", Map.of("SmsSendDetailDTO", details));
        return ok(answer);
    }

    private Response checkSignature(Map<String, String> query, Map<String, String> headers, byte[] body) {
        var auth = AcsSignature.Authorization.parse(headers.get("authorization"));
        if (auth.isEmpty()) {
            return error(400, "MissingAuthorization", "Authorization is mandatory for this action.");
        }
        if (!auth.get().accessKeyId().equals(config.accessKeyId().orElse(null))) {
            return error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (!AcsSignature.sha256Hex(body).equals(headers.get("x-acs-content-sha256"))) {
            return error(400, "ContentSHA256NotMatched", "The content hash does not match the body.");
        }
        try {
            Instant signedAt = Instant.parse(headers.get("x-acs-date"));
            // the SDK stamps real time, whatever clock the application runs on
            if (Duration.between(signedAt, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
                return error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
            }
        } catch (RuntimeException e) {
            return error(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        String expected = AcsSignature.sign(config.accessKeySecret().orElse(""), "POST", "/", query, headers,
                auth.get().signedHeaders(), headers.get("x-acs-content-sha256"));
        if (!expected.equals(auth.get().signature()) || !auth.get().signedHeaders().contains("x-acs-signature-nonce")) {
            return error(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");
        }
        if (!nonces.add(headers.get("x-acs-signature-nonce"))) {
            return error(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        return null;
    }

    // ------------------------------------------------------------------ inspection, for the local run and the tests

    @GET
    @Path("/simulator/sms/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<SimulatedSmsProvider.Received> received(@QueryParam("phone") String phone, @QueryParam("outId") String outId) {
        on();
        if (phone == null && outId == null) {
            throw new jakarta.ws.rs.BadRequestException("phone or outId");
        }
        return provider.received(phone, outId).stream().map(SimulatedSmsProvider.Received::masked).toList();
    }

    /** The next {@code times} texts to {@code phone} meet {@code kind} (HANG waits {@code seconds} before answering). */
    @POST
    @Path("/simulator/sms/faults")
    @Operation(hidden = true)
    public Response fault(@QueryParam("phone") String phone, @QueryParam("kind") SimulatedSmsProvider.FaultKind kind,
                          @QueryParam("times") @DefaultValue("1") int times, @QueryParam("seconds") @DefaultValue("60") int seconds) {
        on();
        if (phone == null || kind == null) {
            throw new jakarta.ws.rs.BadRequestException("phone and kind");
        }
        provider.fault(phone, new SimulatedSmsProvider.Fault(kind, times, seconds));
        return Response.noContent().build();
    }

    private void on() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response ok(Map<String, ?> body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("RequestId", SimulatedSmsProvider.requestId(),
                "HostId", "dysmsapi.aliyuncs.com", "Code", code, "Message", message)).build();
    }
}
