package cn.hkmo.fee.simulator;

import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated platform over HTTP: the OpenAPI gateway the service's SDK calls, and the citizen's side (pay,
 * notifies) for the local run and the tests. Every path answers 404 unless {@code hkmo.simulator.enabled} is
 * true, which only the dev and test profiles set (the same packaged jar runs the local run and production).
 */
@Path("/simulator/alipay")
@PermitAll
public class SimulatorResource {

    private final SimulatedPlatform platform;
    private final boolean enabled;

    public SimulatorResource(SimulatedPlatform platform,
            @ConfigProperty(name = "hkmo.simulator.enabled", defaultValue = "false") boolean enabled) {
        this.platform = platform;
        this.enabled = enabled;
    }

    private SimulatedPlatform platform() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return platform;
    }

    /**
     * {@code gateway.do}: the SDK puts the protocol parameters in the query and {@code biz_content} in
     * the form, and accepts only text types; the real gateway answers its JSON as {@code text/html}.
     */
    @POST
    @Path("/gateway.do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=utf-8")
    public Response gateway(@Context UriInfo uri, MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
        form.forEach((name, values) -> params.put(name, values.get(0)));
        try {
            return Response.ok(platform().gateway(params)).build();
        } catch (SimulatedPlatform.NetworkFailure e) {
            // What a lost answer looks like to the merchant's SDK: no platform response, an HTTP error instead.
            return Response.status(Response.Status.GATEWAY_TIMEOUT).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }

    /**
     * {@code gateway.do} opened by the browser: a page method ({@code alipay.trade.wap.pay}, all parameters in the
     * query, signed by the merchant's SDK) shows the mobile-web cashier; a refused call shows the error page.
     */
    @GET
    @Path("/gateway.do")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response cashier(@Context UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
        SimulatedPlatform simulated = platform();
        try {
            SimulatedPlatform.Cashier cashier = simulated.openCashier(params);
            return html(Response.ok(CashierPage.cashier(cashier, "cashier/" + encode(cashier.outTradeNo()) + "/pay")));
        } catch (SimulatedPlatform.Refused e) {
            return html(Response.status(Response.Status.BAD_REQUEST).entity(CashierPage.refused(e)));
        }
    }

    /** The Pay button of the mobile-web cashier: paid, notify sent, and the browser back at the merchant's return_url. */
    @POST
    @Path("/cashier/{outTradeNo}/pay")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response payInCashier(@PathParam("outTradeNo") String outTradeNo) {
        try {
            return Response.seeOther(URI.create(platform().payInCashier(outTradeNo))).build();
        } catch (SimulatedPlatform.NotPayable e) {
            return html(Response.status(Response.Status.CONFLICT).entity(
                    CashierPage.refused(new SimulatedPlatform.Refused("40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法"))));
        }
    }

    private static Response html(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CashierPage.CONTENT_SECURITY_POLICY).build();
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The citizen pays in the cashier; {@code notify=false} loses the notify (for reconciliation). */
    @POST
    @Path("/trades/{outTradeNo}/pay")
    @Produces(MediaType.APPLICATION_JSON)
    public SimulatedPlatform.Payment pay(@PathParam("outTradeNo") String outTradeNo,
                                         @QueryParam("notify") @DefaultValue("true") boolean notify) {
        try {
            return platform().pay(outTradeNo, notify);
        } catch (SimulatedPlatform.NotPayable e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    /**
     * The next {@code times} refund calls with this {@code out_request_no} fail: {@code UNREACHABLE} (nothing done),
     * {@code ANSWER_LOST} (refunded, the answer lost) or {@code REFUSED} (a business refusal).
     */
    @POST
    @Path("/refunds/{outRequestNo}/faults")
    public void failRefunds(@PathParam("outRequestNo") String outRequestNo,
                            @QueryParam("kind") @DefaultValue("ANSWER_LOST") SimulatedPlatform.RefundFault kind,
                            @QueryParam("times") @DefaultValue("1") int times) {
        platform().failRefunds(outRequestNo, kind, Math.min(Math.max(times, 1), 50));
    }

    /** The signed notify the platform would send now, for tests that tamper with it. */
    @GET
    @Path("/trades/{outTradeNo}/notify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> notifyParams(@PathParam("outTradeNo") String outTradeNo) {
        try {
            return platform().notifyParams(outTradeNo);
        } catch (SimulatedPlatform.NotPayable e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.NOT_FOUND);
        }
    }

    /** Sends one identical notify {@code times} times at once; the merchant's replies. */
    @POST
    @Path("/trades/{outTradeNo}/notify")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> sendNotify(@PathParam("outTradeNo") String outTradeNo,
                                   @QueryParam("times") @DefaultValue("1") int times) {
        try {
            return platform().sendNotify(outTradeNo, Math.min(Math.max(times, 1), 50));
        } catch (SimulatedPlatform.NotPayable e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.NOT_FOUND);
        }
    }
}
