package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.alipay.NotifyVerifier;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Alipay's asynchronous notify. No bearer token: the platform's RSA2 signature authenticates it.
 * A handled notify gets the bare word the platform expects; a refused one a 400 problem (the platform retries
 * anything but {@code success}), which the gateway counts against the sender's address (docs/adr/0005).
 * The body is bounded before it is read ({@link NotifyBodyLimit}).
 */
@Path(AlipayNotifyResource.PATH)
public class AlipayNotifyResource {

    static final String PATH = "/api/v1/fees/alipay/notify";

    private final AlipayPayments alipay;

    public AlipayNotifyResource(AlipayPayments alipay) {
        this.alipay = alipay;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Raises({"NOTIFY_REFUSED", "NOTIFY_LENGTH_REQUIRED", "NOTIFY_TOO_LARGE"})
    public String receive(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.CONTENT_LENGTH) long length) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        // thrown here, after the audit row of the refusal has committed
        if (!alipay.handleNotify(params, length)) {
            throw new ProblemException(FeeError.NOTIFY_REFUSED);
        }
        return NotifyVerifier.SUCCESS;
    }
}
