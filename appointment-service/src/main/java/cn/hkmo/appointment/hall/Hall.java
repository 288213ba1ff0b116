package cn.hkmo.appointment.hall;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;

import java.time.Duration;
import java.util.Set;

/**
 * An exit-entry reception hall (出入境接待大厅): where it is, when it opens, what it handles.
 *
 * @param cutOff how long before a window starts a booking may still be cancelled or rescheduled
 */
public record Hall(
        String id,
        String name,
        Region region,
        String address,
        GeoPoint location,
        String phone,
        OpeningPlan plan,
        Set<ApplicationCategory> categories,
        Set<EndorsementType> endorsementTypes,
        Duration cutOff) {

    public Hall {
        categories = Set.copyOf(categories);
        endorsementTypes = Set.copyOf(endorsementTypes);
    }

    public boolean handles(ApplicationCategory category) {
        return categories.contains(category);
    }

    public boolean handles(EndorsementType type) {
        return endorsementTypes.contains(type);
    }
}
