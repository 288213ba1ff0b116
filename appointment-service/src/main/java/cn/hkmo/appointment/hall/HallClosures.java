package cn.hkmo.appointment.hall;

import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;

import java.time.LocalDate;

/**
 * Ad-hoc closures of a hall's day, as the hall admin sees them. Closing a day cancels its bookings, which is the
 * booking journey's job: it implements this, so the hall feature does not reach into bookings.
 */
public interface HallClosures {

    ClosureView close(String hallId, ClosureRequest request);

    /** Opens a closed day again; cancelled bookings stay cancelled. */
    void reopen(String hallId, LocalDate date);

    Page<ClosureView> upcoming(String hallId, PageRequest paging);
}
