package cn.hkmo.eligibility.rules.office;

/** How far an item's acceptance reaches. */
public enum ScopeKind {
    /** 全国通办: any county-level or higher exit-entry office. */
    NATIONWIDE,
    /** Only the office of the hukou city. */
    HUKOU_CITY,
    /** Offices of the listed cities (individual-visit city of hukou or residence permit; a scheme's city). */
    CITIES,
    /** The office of the place of work (talent). */
    WORK_CITY,
    /** Any office in the nine mainland GBA cities (outstanding talent in the GBA). */
    GBA_CITIES,
    /** The office where the military unit is stationed; the system cannot check it, the officer does. */
    UNIT_STATION
}
