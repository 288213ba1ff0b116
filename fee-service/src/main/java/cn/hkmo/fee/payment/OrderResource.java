package cn.hkmo.fee.payment;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


/** Payment orders: read, pay through Alipay, pay at the counter, refund. */
@Path("/api/v1/fees/orders")
public class OrderResource {

    private final OrderQueries queries;
    private final AlipayPayments alipay;
    private final CounterPayments counter;
    private final Refunds refunds;
    private final RefundApprovals approvals;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    public OrderResource(OrderQueries queries, AlipayPayments alipay, CounterPayments counter, Refunds refunds,
                         RefundApprovals approvals, IdempotencyKeys idempotencyKeys, Caller caller) {
        this.queries = queries;
        this.alipay = alipay;
        this.counter = counter;
        this.refunds = refunds;
        this.approvals = approvals;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    /** @param buyerOpenId the payer's Alipay open id, from the mini-program's user authorisation */
    public record AlipayPayRequest(@NotBlank @Size(max = 128) String buyerOpenId) {
    }

    /** @param returnUrl an address of our H5 (an allowed origin, no fragment) the cashier sends the browser back to */
    public record AlipayWapPayRequest(@NotBlank @Size(max = 1024) String returnUrl) {
    }

    /** @param receiptNo the counter's receipt number for this payment */
    public record CounterPaymentRequest(@Positive long amountFen, @NotBlank @Size(max = 64) String receiptNo) {
    }

    /** @param refundNo the requester's own number: the same number is refunded once */
    public record RefundRequest(@NotBlank @Size(max = 64) String refundNo, @Positive long amountFen,
                                @NotBlank @Size(max = 200) String reason) {
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.CITIZEN)
    @Raises("PARTNER_NOT_AUTHORISED")
    public Page<OrderView> mine(@QueryParam("page") @DefaultValue("0") int page,
                                @QueryParam("size") @DefaultValue("20") int size) {
        return queries.mine(caller, PageRequest.of(page, size));
    }

    @GET
    @Path("/hall")
    @RolesAllowed(Caller.OFFICER)
    public Page<OrderView> hall(@QueryParam("page") @DefaultValue("0") int page,
                                @QueryParam("size") @DefaultValue("20") int size) {
        return queries.ofMyHall(caller, PageRequest.of(page, size));
    }

    @GET
    @Path("/by-application/{applicationNo}")
    @RolesAllowed({Caller.CITIZEN, Caller.OFFICER, Caller.ADMIN})
    @Raises({"PARTNER_NOT_AUTHORISED", "APPLICATION_NOT_FOUND"})
    public OrderView ofApplication(@PathParam("applicationNo") String applicationNo) {
        return queries.ofApplication(applicationNo, caller);
    }

    @GET
    @Path("/{orderNo}")
    @RolesAllowed({Caller.CITIZEN, Caller.OFFICER, Caller.ADMIN})
    @Raises({"PARTNER_NOT_AUTHORISED", "ORDER_NOT_FOUND"})
    public OrderView order(@PathParam("orderNo") String orderNo) {
        return queries.order(orderNo, caller);
    }

    @POST
    @Path("/{orderNo}/alipay")
    @RolesAllowed(Caller.CITIZEN)
    @Transactional
    @Raises({"PARTNER_NOT_AUTHORISED", "ORDER_NOT_FOUND", "ORDER_NOT_PAYABLE", "IDENTITY_NOT_VERIFIED",
            "PAYMENT_PLATFORM_REJECTED", "PAYMENT_PLATFORM_UNAVAILABLE"})
    @APIResponse(responseCode = "200", description = "What the mini-program passes to my.tradePay (or the first answer replayed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlipayPayments.MiniProgramPay.class)))
    public Response payWithAlipay(@PathParam("orderNo") String orderNo,
                                  @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                  @Valid @NotNull AlipayPayRequest request) {
        return idempotencyKeys.execute("fee-alipay-pay:" + orderNo, idempotencyKey, caller.subject(), request, 200,
                AlipayPayments.MiniProgramPay.class, () -> alipay.pay(orderNo, request.buyerOpenId(), caller)).toResponse();
    }

    @POST
    @Path("/{orderNo}/alipay-wap")
    @RolesAllowed(Caller.CITIZEN)
    @Transactional
    @Operation(summary = "Pay in the browser: the address of the payment platform's mobile-web cashier",
            description = "For the citizen's own unpaid order (face-verified). Open cashierUrl in the same tab; after "
                    + "paying, the platform sends the browser to returnUrl with its return parameters appended to the "
                    + "query (out_trade_no, trade_no, ...). Those prove nothing: wait until GET /api/v1/fees/orders/{orderNo} "
                    + "reads PAID, which the platform's signed notify brings. returnUrl must be on one of the H5 origins "
                    + "(hkmo.fee.cashier-return-origins) and carry no fragment. Requires an Idempotency-Key: a repeat "
                    + "replays the first answer.")
    @APIResponse(responseCode = "200", description = "The cashier address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlipayPayments.WapPay.class)))
    @APIResponse(responseCode = "400", description = "RETURN_URL_NOT_ALLOWED, IDEMPOTENCY_KEY_MISSING, or a field violation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "IDENTITY_NOT_VERIFIED: the citizen's identity is not face-verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND (also for another citizen's order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ORDER_NOT_PAYABLE: paid, refunded or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED: the key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"PARTNER_NOT_AUTHORISED", "ORDER_NOT_FOUND", "ORDER_NOT_PAYABLE", "RETURN_URL_NOT_ALLOWED", "IDENTITY_NOT_VERIFIED",
            "PAYMENT_PLATFORM_UNAVAILABLE"})
    public Response payInBrowser(@PathParam("orderNo") String orderNo,
                                 @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                 @Valid @NotNull AlipayWapPayRequest request) {
        return idempotencyKeys.execute("fee-alipay-wap:" + orderNo, idempotencyKey, caller.subject(), request, 200,
                AlipayPayments.WapPay.class, () -> alipay.payOnWeb(orderNo, request.returnUrl(), caller)).toResponse();
    }

    @POST
    @Path("/{orderNo}/counter-payments")
    @RolesAllowed(Caller.OFFICER)
    @Raises({"ORDER_NOT_FOUND", "ORDER_NOT_PAYABLE", "COUNTER_AMOUNT_MISMATCH"})
    public OrderView payAtCounter(@PathParam("orderNo") String orderNo, @Valid @NotNull CounterPaymentRequest request) {
        return counter.record(orderNo, request.amountFen(), request.receiptNo(), caller);
    }

    @POST
    @Path("/{orderNo}/refunds")
    @RolesAllowed({Caller.OFFICER, Caller.ADMIN})
    @Operation(summary = "Refund part or all of a paid order, once per refund number",
            description = "The refund is recorded (REQUESTED) before the payment platform is asked, and counts against "
                    + "what is refundable until it ends. The same refundNo again is the same refund: answered again if "
                    + "REFUNDED, resumed if REQUESTED, refused again if REJECTED (use a new number for a new attempt). "
                    + "Counter payments are refunded in cash after a second person approves: the request is recorded "
                    + "AWAITING_APPROVAL (202) and settles by POST .../refunds/{refundNo}/approval. The order then reads "
                    + "PARTIALLY_REFUNDED or REFUNDED. No Idempotency-Key: the refundNo is one.")
    @APIResponse(responseCode = "200", description = "REFUNDED: the platform confirmed (now or on an earlier call)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "202", description = "AWAITING_APPROVAL: a counter refund, waiting for a second officer "
            + "of the hall or an admin", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an officer of the order's hall nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ORDER_NOT_PAID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "REFUND_EXCEEDS_PAID (counting REQUESTED refunds), "
            + "REFUND_NO_REUSED (the number belongs to another order or amount)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "PAYMENT_PLATFORM_REJECTED: the platform refused (its sub code in "
            + "the detail); the refund is REJECTED and no longer counts against the refundable amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "REFUND_PENDING: recorded (REQUESTED), the platform's answer is "
            + "missing. Retry with the same refundNo (named in the detail), which never refunds twice; otherwise the "
            + "refund reconciliation completes it within minutes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"ORDER_NOT_FOUND", "ORDER_NOT_PAID", "REFUND_EXCEEDS_PAID", "REFUND_NO_REUSED",
            "PAYMENT_PLATFORM_REJECTED", "REFUND_PENDING"})
    public Response refund(@PathParam("orderNo") String orderNo, @Valid @NotNull RefundRequest request) {
        RefundView refund = refunds.refund(orderNo, request.refundNo(), request.amountFen(), request.reason(), caller);
        return Response.status(refund.status() == RefundStatus.AWAITING_APPROVAL ? 202 : 200).entity(refund).build();
    }

    @POST
    @Path("/{orderNo}/refunds/{refundNo}/approval")
    @RolesAllowed({Caller.OFFICER, Caller.ADMIN})
    @Transactional
    @Operation(summary = "Approve a counter refund (four eyes): the cash is paid out and the refund settles",
            description = "Another officer of the order's hall, or an admin; never the one who asked for the refund. "
                    + "Optional Idempotency-Key: with it a repeat replays the first answer; without it a repeat gets "
                    + "409 REFUND_NOT_AWAITING_APPROVAL, still one refund.")
    @APIResponse(responseCode = "200", description = "REFUNDED, with approvedBy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "403", description = "REFUND_SELF_APPROVAL: the caller asked for this refund; "
            + "FORBIDDEN: not an officer of the order's hall nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND, REFUND_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "REFUND_NOT_AWAITING_APPROVAL: already approved, or a platform refund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"ORDER_NOT_FOUND", "REFUND_NOT_FOUND", "REFUND_SELF_APPROVAL", "REFUND_NOT_AWAITING_APPROVAL"})
    public Response approveRefund(@PathParam("orderNo") String orderNo, @PathParam("refundNo") String refundNo,
                                  @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotencyKeys.executeIfKeyed("fee-refund-approval", idempotencyKey, caller.subject(),
                new RefundApproval(orderNo, refundNo), 200, RefundView.class,
                () -> approvals.approve(orderNo, refundNo, caller)).toResponse();
    }

    /** What an approval's Idempotency-Key stands for: the same key for another refund is refused. */
    record RefundApproval(String orderNo, String refundNo) {
    }

    @POST
    @Path("/{orderNo}/refunds/{refundNo}/withdrawal")
    @RolesAllowed({Caller.OFFICER, Caller.ADMIN})
    @Transactional
    @Operation(summary = "Withdraw a counter refund that awaits its approval: no cash moves, and the amount is refundable again",
            description = "An officer of the order's hall (the requester too: nothing is paid out) or an admin, with the reason. "
                    + "Optional Idempotency-Key: with it a repeat replays the first answer; without it a repeat gets "
                    + "409 REFUND_NOT_AWAITING_APPROVAL.")
    @APIResponse(responseCode = "200", description = "WITHDRAWN, with withdrawnBy and withdrawalReason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an officer of the order's hall nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND, REFUND_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "REFUND_NOT_AWAITING_APPROVAL: approved, withdrawn, or a platform refund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"ORDER_NOT_FOUND", "REFUND_NOT_FOUND", "REFUND_NOT_AWAITING_APPROVAL"})
    public Response withdrawRefund(@PathParam("orderNo") String orderNo, @PathParam("refundNo") String refundNo,
                                   @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                   @Valid @NotNull RefundWithdrawal withdrawal) {
        return idempotencyKeys.executeIfKeyed("fee-refund-withdrawal", idempotencyKey, caller.subject(),
                new RefundWithdrawalKey(orderNo, refundNo, withdrawal.reason()), 200, RefundView.class,
                () -> approvals.withdraw(orderNo, refundNo, withdrawal.reason(), caller)).toResponse();
    }

    /** Why a counter refund is withdrawn (kept with it). */
    public record RefundWithdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    /** What a withdrawal's Idempotency-Key stands for. */
    record RefundWithdrawalKey(String orderNo, String refundNo, String reason) {
    }

    @GET
    @Path("/{orderNo}/refunds")
    @RolesAllowed({Caller.OFFICER, Caller.ADMIN})
    @Operation(summary = "The order's refunds and where each stands: AWAITING_APPROVAL, REQUESTED, REFUNDED or REJECTED")
    @APIResponse(responseCode = "200", description = "The refunds, oldest first")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an officer of the order's hall nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("ORDER_NOT_FOUND")
    public Page<RefundView> refunds(@PathParam("orderNo") String orderNo,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("20") int size) {
        return queries.refunds(orderNo, caller, PageRequest.of(page, size));
    }
}
