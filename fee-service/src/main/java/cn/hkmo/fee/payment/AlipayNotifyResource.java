package cn.hkmo.fee.payment;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Alipay's asynchronous notify. No bearer token: the platform's RSA2 signature authenticates it.
 * The reply is the bare word the platform expects.
 */
@Path("/api/v1/fees/alipay/notify")
public class AlipayNotifyResource {

    private final AlipayPayments alipay;

    public AlipayNotifyResource(AlipayPayments alipay) {
        this.alipay = alipay;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String receive(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return alipay.handleNotify(params);
    }
}
