package cn.hkmo.appointment.hall;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.function.Function;
import java.util.stream.Collectors;

@Entity
@Table(name = "hall")
public class HallEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "province_name")
    public String provinceName;
    @Column(name = "city_code")
    public String cityCode;
    @Column(name = "city_name")
    public String cityName;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "district_name")
    public String districtName;
    public String address;
    public double latitude;
    public double longitude;
    public String phone;
    public String weekdays;
    public LocalTime opens;
    public LocalTime closes;
    @Column(name = "lunch_start")
    public LocalTime lunchStart;
    @Column(name = "lunch_end")
    public LocalTime lunchEnd;
    @Column(name = "window_minutes")
    public int windowMinutes;
    @Column(name = "capacity_per_window")
    public int capacityPerWindow;
    public String categories;
    @Column(name = "endorsement_types")
    public String endorsementTypes;
    @Column(name = "cut_off_minutes")
    public int cutOffMinutes;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** Never written through the entity: only {@link HallService#changed} bumps it, in SQL, so it cannot go back. */
    @Column(insertable = false, updatable = false)
    public long revision;

    public Hall toHall() {
        return new Hall(id, name, new Region(provinceCode, provinceName, cityCode, cityName, districtCode, districtName),
                address, new GeoPoint(latitude, longitude), phone,
                new OpeningPlan(parse(weekdays, DayOfWeek::valueOf, DayOfWeek.class), opens, closes, lunchStart, lunchEnd,
                        Duration.ofMinutes(windowMinutes), capacityPerWindow),
                parse(categories, ApplicationCategory::valueOf, ApplicationCategory.class),
                parse(endorsementTypes, EndorsementType::valueOf, EndorsementType.class),
                Duration.ofMinutes(cutOffMinutes));
    }

    public void apply(Hall hall, OffsetDateTime now) {
        id = hall.id();
        name = hall.name();
        provinceCode = hall.region().provinceCode();
        provinceName = hall.region().provinceName();
        cityCode = hall.region().cityCode();
        cityName = hall.region().cityName();
        districtCode = hall.region().districtCode();
        districtName = hall.region().districtName();
        address = hall.address();
        latitude = hall.location().latitude();
        longitude = hall.location().longitude();
        phone = hall.phone();
        OpeningPlan plan = hall.plan();
        weekdays = join(plan.weekdays());
        opens = plan.opens();
        closes = plan.closes();
        lunchStart = plan.lunchStart();
        lunchEnd = plan.lunchEnd();
        windowMinutes = (int) plan.windowLength().toMinutes();
        capacityPerWindow = plan.capacityPerWindow();
        categories = join(hall.categories());
        endorsementTypes = join(hall.endorsementTypes());
        cutOffMinutes = (int) hall.cutOff().toMinutes();
        updatedAt = now;
    }

    private static <E extends Enum<E>> String join(Collection<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> EnumSet<E> parse(String csv, Function<String, E> valueOf, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(valueOf).forEach(set::add);
        return set;
    }
}
