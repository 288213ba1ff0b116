package cn.hkmo.appointment.hall;

import cn.hkmo.kit.paging.Page;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public hall search: anonymous callers and partners' client-credentials tokens alike. */
@Path("/api/v1/halls")
@PermitAll
public class HallResource {

    private final HallService halls;

    public HallResource(HallService halls) {
        this.halls = halls;
    }

    @GET
    @Operation(summary = "Search halls by GB/T 2260 region and category; with lat and lon, nearest first")
    public Page<HallView> search(@QueryParam("province") String province, @QueryParam("city") String city,
                                 @QueryParam("district") String district, @QueryParam("category") ApplicationCategory category,
                                 @QueryParam("lat") @Min(-90) @Max(90) Double lat, @QueryParam("lon") @Min(-180) @Max(180) Double lon,
                                 @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("20") int size) {
        GeoPoint near = lat == null || lon == null ? null : new GeoPoint(lat, lon);
        return halls.search(new HallService.Search(province, city, district, category, near,
                PageRequest.of(page, size)));
    }

    @GET
    @Path("{id}")
    @Raises("HALL_NOT_FOUND")
    public HallView get(@PathParam("id") String id) {
        return HallView.of(halls.get(id), null);
    }
}
