package cn.hkmo.notification.sms;

import cn.hkmo.kit.identity.MobileNumber;
import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.delivery.Channel;
import cn.hkmo.notification.recipient.Recipient;
import cn.hkmo.notification.recipient.Recipients;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Texts through Alibaba Cloud SMS (dysmsapi 2017-05-25) with its official SDK, which signs every call with the
 * AccessKey (ACS3-HMAC-SHA256). Each text carries our OutId, which {@code QuerySendDetails} returns per record: that
 * is how an attempt of unknown outcome is looked up before anything is sent again.
 */
@ApplicationScoped
public class AliyunSms implements Channel {

    public static final String NAME = "SMS";
    private static final Logger LOG = Logger.getLogger(AliyunSms.class);
    private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final long PAGE_SIZE = 50;
    /** Answers that no retry can change: the number, the template or the signature is wrong. */
    private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_PARAMETERS");

    private final NotificationConfig.Sms config;
    private final Recipients recipients;
    private final ObjectMapper json;
    private final Clock clock;
    private final Client client;

    public AliyunSms(NotificationConfig config, Recipients recipients, ObjectMapper json, Clock clock) throws Exception {
        this.config = config.sms();
        this.recipients = recipients;
        this.json = json;
        this.clock = clock;
        this.client = new Client(new com.aliyun.teaopenapi.models.Config()
                .setAccessKeyId(this.config.accessKeyId())
                .setAccessKeySecret(this.config.accessKeySecret())
                .setEndpoint(this.config.endpoint())
                .setProtocol(this.config.protocol())
                .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                .setReadTimeout((int) this.config.readTimeout().toMillis()));
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
        if (recipient.isPresent() && !recipient.get().smsConsent) {
            return Reach.not("NO_CONSENT");
        }
        return recipient.flatMap(recipients::mobile).map(Reach::to).orElse(Reach.not("NO_MOBILE"));
    }

    @Override
    public Outcome send(Outgoing message) {
        try {
            SendSmsResponseBody body = client.sendSms(new SendSmsRequest()
                    .setPhoneNumbers(message.address())
                    .setSignName(config.signName())
                    .setTemplateCode(config.templates().get(message.kind()))
                    .setTemplateParam(json.writeValueAsString(message.params()))
                    .setOutId(message.outId())).getBody();
            if ("OK".equals(body.getCode())) {
                LOG.infof("SMS %s (%s) to %s accepted: BizId %s", message.outId(), message.kind(),
                        MobileNumber.mask(message.address()), body.getBizId());
                return new Sent(body.getBizId());
            }
            LOG.warnf("SMS %s (%s) to %s refused: %s %s", message.outId(), message.kind(), MobileNumber.mask(message.address()),
                    body.getCode(), body.getMessage());
            // isp.*: the provider's own failure, after which the text may still leave: look it up before a resend
            return body.getCode() != null && body.getCode().startsWith("isp.")
                    ? new Unknown(body.getCode())
                    : new Refused(body.getCode(), PERMANENT.contains(body.getCode()));
        } catch (TeaException e) {
            return unknownOrRefused(message, e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            LOG.warnf("SMS %s (%s) to %s: no answer (%s)", message.outId(), message.kind(), MobileNumber.mask(message.address()),
                    e.toString());
            return new Unknown("NO_ANSWER");
        }
    }

    @Override
    public Outcome lookup(Outgoing message) {
        LocalDate today = LocalDate.now(clock);
        try {
            for (LocalDate day = message.firstAttemptDay(); !day.isAfter(today); day = day.plusDays(1)) {
                for (long page = 1; ; page++) {
                    QuerySendDetailsResponseBody body = client.querySendDetails(new QuerySendDetailsRequest()
                            .setPhoneNumber(message.address()).setSendDate(SEND_DATE.format(day))
                            .setPageSize(PAGE_SIZE).setCurrentPage(page)).getBody();
                    if (!"OK".equals(body.getCode())) {
                        return new Unknown(body.getCode());
                    }
                    List<QuerySendDetailsResponseBody.QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO> records =
                            body.getSmsSendDetailDTOs() == null || body.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null
                                    ? List.of() : body.getSmsSendDetailDTOs().getSmsSendDetailDTO();
                    if (records.stream().anyMatch(r -> message.outId().equals(r.getOutId()))) {
                        LOG.infof("SMS %s (%s) to %s: found at the provider, not sent again", message.outId(), message.kind(),
                                MobileNumber.mask(message.address()));
                        return new Sent("OutId:" + message.outId());
                    }
                    if (records.size() < PAGE_SIZE) {
                        break;
                    }
                }
            }
            return new NotFound();
        } catch (Exception e) {
            LOG.warnf("SMS %s: lookup failed (%s)", message.outId(), e.toString());
            return new Unknown("LOOKUP_FAILED");
        }
    }

    private Outcome unknownOrRefused(Outgoing message, TeaException e) {
        LOG.warnf("SMS %s (%s) to %s: HTTP %s %s", message.outId(), message.kind(), MobileNumber.mask(message.address()),
                e.getStatusCode(), e.getCode());
        // a 4xx is the provider refusing the call itself (signature, AccessKey): it never sent anything
        return e.getStatusCode() != null && e.getStatusCode() >= 400 && e.getStatusCode() < 500
                ? new Refused(e.getCode(), false)
                : new Unknown(e.getCode() == null ? "NO_ANSWER" : e.getCode());
    }
}
