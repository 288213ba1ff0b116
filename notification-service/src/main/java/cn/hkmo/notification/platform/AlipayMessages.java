package cn.hkmo.notification.platform;

import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.delivery.Channel;
import cn.hkmo.notification.recipient.Recipient;
import cn.hkmo.notification.recipient.Recipients;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayOpenAppMiniTemplatemessageSendModel;
import com.alipay.api.request.AlipayOpenAppMiniTemplatemessageSendRequest;
import com.alipay.api.response.AlipayOpenAppMiniTemplatemessageSendResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Template messages of the Alipay mini-program ({@code alipay.open.app.mini.templatemessage.send}) through the
 * official SDK, RSA2-signed, for citizens who subscribed in the mini-program (the partner recorded their Alipay user
 * id). The platform has no query by our id, so an attempt of unknown outcome is never sent again: it goes to the dead
 * letters for a person to decide (at most one message, where SMS manages exactly one).
 */
@ApplicationScoped
public class AlipayMessages implements Channel {

    public static final String NAME = "ALIPAY";
    private static final Logger LOG = Logger.getLogger(AlipayMessages.class);
    /** Sub codes no retry can change: the user or the template is not (or no longer) valid. */
    private static final Set<String> PERMANENT = Set.of("USER_TEMPLATE_ILLEGAL", "USER_ID_ILLEGAL", "isv.invalid-user-id",
            "isv.user-template-illegal", "isv.insufficient-isv-permissions");

    private final NotificationConfig.Alipay config;
    private final Recipients recipients;
    private final ObjectMapper json;
    private final AlipayClient client;

    public AlipayMessages(NotificationConfig config, Recipients recipients, ObjectMapper json) throws AlipayApiException {
        this.config = config.alipay();
        this.recipients = recipients;
        this.json = json;
        com.alipay.api.AlipayConfig sdk = new com.alipay.api.AlipayConfig();
        sdk.setServerUrl(this.config.gatewayUrl());
        sdk.setAppId(this.config.appId());
        sdk.setPrivateKey(this.config.appPrivateKey());
        sdk.setAlipayPublicKey(this.config.alipayPublicKey());
        sdk.setFormat("json");
        sdk.setCharset("UTF-8");
        sdk.setSignType("RSA2");
        sdk.setConnectTimeout((int) this.config.connectTimeout().toMillis());
        sdk.setReadTimeout((int) this.config.readTimeout().toMillis());
        this.client = new DefaultAlipayClient(sdk);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NotificationConfig.ChannelSettings settings() {
        return config;
    }

    @Override
    public Reach reach(Optional<Recipient> recipient) {
        return recipient.flatMap(recipients::alipayUser).map(Reach::to).orElse(Reach.not("NO_SUBSCRIPTION"));
    }

    @Override
    public Outcome send(Outgoing message) {
        AlipayOpenAppMiniTemplatemessageSendModel model = new AlipayOpenAppMiniTemplatemessageSendModel();
        model.setToUserId(message.address());
        model.setUserTemplateId(config.templates().get(message.kind()));
        model.setPage(config.page() + "?id=" + URLEncoder.encode(message.outId(), StandardCharsets.UTF_8));
        model.setData(data(message.params()));
        AlipayOpenAppMiniTemplatemessageSendRequest request = new AlipayOpenAppMiniTemplatemessageSendRequest();
        request.setBizModel(model);
        try {
            AlipayOpenAppMiniTemplatemessageSendResponse response = client.execute(request);
            if (response.isSuccess()) {
                LOG.infof("Alipay message %s (%s) sent", message.outId(), message.kind());
                return new Sent("alipay:" + message.outId());
            }
            LOG.warnf("Alipay message %s (%s) refused: %s %s", message.outId(), message.kind(), response.getSubCode(),
                    response.getSubMsg());
            // 20000 is the platform's own failure: the message may have gone out
            return "20000".equals(response.getCode())
                    ? new Unknown(response.getSubCode())
                    : new Refused(response.getSubCode(), PERMANENT.contains(response.getSubCode()));
        } catch (AlipayApiException e) {
            LOG.warnf("Alipay message %s (%s): no trusted answer (%s)", message.outId(), message.kind(), e.getErrCode());
            return new Unknown("NO_ANSWER");
        }
    }

    /** No query by our id exists: an unknown outcome is left to a person, never sent twice. */
    @Override
    public Outcome lookup(Outgoing message) {
        return new Refused("OUTCOME_UNKNOWN", true);
    }

    @Override
    public boolean looksUp() {
        return false;
    }

    /** The template's keywords, in the order of the notice's parameters: {@code {"keyword1":{"value":...}, ...}}. */
    private String data(Map<String, String> params) {
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        int i = 1;
        for (String value : params.values()) {
            data.put("keyword" + i++, Map.of("value", value));
        }
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
