package cn.hkmo.issuance.deadline;

import cn.hkmo.kit.calendar.Holiday;
import cn.hkmo.kit.calendar.HolidayNotice;
import cn.hkmo.kit.calendar.StatutoryHolidays;

import java.time.LocalDate;
import java.util.List;

/**
 * A test notice for 2027 (not the real one): the statutory holidays, with National Day made 1–7 October and
 * Sunday 26 September and Saturday 9 October worked instead, as the notices of 2025 and 2026 do.
 */
public final class Notices2027 {

    public static final Holiday NATIONAL_DAY = new Holiday("国庆节", "National Day", LocalDate.of(2027, 10, 1),
            LocalDate.of(2027, 10, 7), List.of(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9)));

    public static final HolidayNotice NOTICE = new HolidayNotice(2027, "测试用：2027年部分节假日安排（非真实通知）",
            StatutoryHolidays.of(2027).stream().map(h -> h.name().equals("国庆节") ? NATIONAL_DAY : h).toList());

    private Notices2027() {
    }
}
