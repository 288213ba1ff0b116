package cn.hkmo.appointment.hall;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * A hall as the API shows it and as an admin writes it.
 *
 * @param distanceKm only in "nearest" searches: the distance from the searched point
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HallView(
        @NotBlank @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*") String id,
        @NotBlank String name,
        @NotNull @Valid RegionView region,
        @NotBlank String address,
        @NotNull GeoPoint location,
        @NotBlank String phone,
        @NotNull @Valid PlanView plan,
        @NotEmpty Set<ApplicationCategory> categories,
        @NotNull Set<EndorsementType> endorsementTypes,
        @Min(0) @Max(10080) int cutOffMinutes,
        Double distanceKm) {

    public record RegionView(
            @NotBlank @Pattern(regexp = "\\d{6}") String provinceCode, @NotBlank String provinceName,
            @NotBlank @Pattern(regexp = "\\d{6}") String cityCode, @NotBlank String cityName,
            @NotBlank @Pattern(regexp = "\\d{6}") String districtCode, @NotBlank String districtName) {
    }

    public record PlanView(
            @NotEmpty Set<DayOfWeek> weekdays,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes,
            LocalTime lunchStart,
            LocalTime lunchEnd,
            @Min(1) @Max(240) int windowMinutes,
            @Min(0) @Max(1000) int capacityPerWindow) {
    }

    public static HallView of(Hall hall, Double distanceKm) {
        Region r = hall.region();
        OpeningPlan p = hall.plan();
        return new HallView(hall.id(), hall.name(),
                new RegionView(r.provinceCode(), r.provinceName(), r.cityCode(), r.cityName(), r.districtCode(), r.districtName()),
                hall.address(), hall.location(), hall.phone(),
                new PlanView(p.weekdays(), p.opens(), p.closes(), p.lunchStart(), p.lunchEnd(), (int) p.windowLength().toMinutes(),
                        p.capacityPerWindow()),
                hall.categories(), hall.endorsementTypes(), (int) hall.cutOff().toMinutes(), distanceKm);
    }

    /** The domain hall; an inconsistent plan (lunch outside opening hours...) throws {@link OpeningPlan.Inconsistent}. */
    public Hall toHall() {
        return new Hall(id, name, new Region(region.provinceCode(), region.provinceName(), region.cityCode(), region.cityName(),
                region.districtCode(), region.districtName()), address, location, phone,
                new OpeningPlan(plan.weekdays(), plan.opens(), plan.closes(), plan.lunchStart(), plan.lunchEnd(),
                        Duration.ofMinutes(plan.windowMinutes()), plan.capacityPerWindow()),
                categories, endorsementTypes, Duration.ofMinutes(cutOffMinutes));
    }
}
