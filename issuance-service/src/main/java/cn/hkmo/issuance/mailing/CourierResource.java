package cn.hkmo.issuance.mailing;

import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** The API the EMS integration calls with its service-account token (client {@code courier-ems}, role {@code courier}). */
@Path("/api/v1/courier/mailings")
@RolesAllowed("courier")
@Tag(name = "courier", description = "EMS integration: pick-up list, dispatch and delivery updates")
public class CourierResource {

    private final MailingService mailing;

    public CourierResource(MailingService mailing) {
        this.mailing = mailing;
    }

    @GET
    @Operation(summary = "Issued permits waiting for EMS, oldest first, with the recipient's address")
    public List<MailingItem> awaitingDispatch(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return mailing.awaitingDispatch(Page.of(page, size));
    }

    @POST
    @Path("/{applicationNo}/dispatch")
    @ResponseStatus(204)
    @Operation(summary = "The permit left with this waybill; repeating the same call is harmless")
    public void dispatch(@PathParam("applicationNo") String applicationNo, @NotNull @Valid DispatchRequest request) {
        mailing.dispatch(applicationNo, request);
    }

    @POST
    @Path("/{applicationNo}/delivery")
    @ResponseStatus(204)
    @Operation(summary = "EMS delivered the permit; repeating the same call is harmless")
    public void deliver(@PathParam("applicationNo") String applicationNo, @NotNull @Valid DeliveryConfirmation request) {
        mailing.deliver(applicationNo, request);
    }
}
