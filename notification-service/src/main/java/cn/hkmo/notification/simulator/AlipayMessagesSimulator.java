package cn.hkmo.notification.simulator;

import cn.hkmo.notification.NotificationConfig;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Alipay open platform's side of mini-program template messages, for dev and test (docs/adr/0009): it checks the
 * RSA2 signature of every {@code gateway.do} call with the mini-program's public key, takes
 * {@code alipay.open.app.mini.templatemessage.send}, answers signed with the platform's key, and keeps what it took
 * (in memory) for the inspection path. Answers 404 unless {@code hkmo.simulator.enabled}.
 */
@Path("/simulator/alipay-messages")
@PermitAll
public class AlipayMessagesSimulator {

    static final String METHOD = "alipay.open.app.mini.templatemessage.send";

    public record Received(String toUserId, String userTemplateId, String page, String data) {
    }

    private final NotificationConfig.Alipay merchant;
    private final SimulatorConfig simulator;
    private final ObjectMapper json;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public AlipayMessagesSimulator(NotificationConfig config, SimulatorConfig simulator, ObjectMapper json) {
        this.merchant = config.alipay();
        this.simulator = simulator;
        this.json = json;
    }

    /** The SDK puts the protocol parameters in the query and {@code biz_content} in the form; answers as text/html. */
    @POST
    @Path("/gateway.do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=utf-8")
    @Operation(hidden = true)
    public String gateway(@Context UriInfo uri, MultivaluedMap<String, String> form) throws AlipayApiException, JsonProcessingException {
        on();
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
        form.forEach((name, values) -> params.put(name, values.get(0)));
        String method = params.getOrDefault("method", "");
        String root = method.replace('.', '_') + "_response";
        if (params.get("sign") == null || !merchant.appId().equals(params.get("app_id"))
                || !AlipaySignature.rsaCheckV2(new HashMap<>(params), simulator.alipay().appPublicKey().orElseThrow(), "UTF-8", "RSA2")) {
            return answer(root, Map.of("code", "40002", "msg", "Invalid Arguments", "sub_code", "isv.invalid-signature",
                    "sub_msg", "验签出错"));
        }
        if (!METHOD.equals(method)) {
            return answer(root, Map.of("code", "40004", "msg", "Business Failed", "sub_code", "isv.invalid-method"));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> biz = json.readValue(params.getOrDefault("biz_content", "{}"), Map.class);
        if (biz.get("to_user_id") == null || biz.get("user_template_id") == null) {
            return answer(root, Map.of("code", "40004", "msg", "Business Failed", "sub_code", "USER_TEMPLATE_ILLEGAL",
                    "sub_msg", "模板不存在"));
        }
        received.add(new Received(biz.get("to_user_id"), biz.get("user_template_id"), biz.get("page"), biz.get("data")));
        return answer(root, Map.of("code", "10000", "msg", "Success"));
    }

    @GET
    @Path("/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<Received> received(@QueryParam("toUserId") String toUserId) {
        on();
        return received.stream().filter(r -> r.toUserId().equals(toUserId)).toList();
    }

    /** {@code {"<method>_response":{...},"sign":"..."}}: the signature covers the inner object as sent. */
    private String answer(String root, Map<String, String> content) throws AlipayApiException, JsonProcessingException {
        String inner = json.writeValueAsString(content);
        return "{\"" + root + "\":" + inner + ",\"sign\":\"" + AlipaySignature.rsa256Sign(inner, simulator.alipay().platformPrivateKey().orElseThrow(),
                "UTF-8") + "\"}";
    }

    private void on() {
        if (!simulator.enabled()) {
            throw new NotFoundException();
        }
    }
}
