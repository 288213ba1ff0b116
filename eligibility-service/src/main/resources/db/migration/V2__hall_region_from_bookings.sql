-- The hall's region now travels with the booking (appointment.booked.v1 / rescheduled.v1 field hallRegion), so this
-- service no longer keeps its own copy of appointment-service's halls. Bookings received before keep the region their
-- hall had in that copy; a booking whose event carries no region has hall_region null and intake answers
-- HALL_REGION_UNKNOWN (409) for it instead of guessing.
alter table booking add column hall_region varchar(6);
update booking b set hall_region = h.region_code from hall h where h.id = b.hall_id;

-- Application, receipt and notice numbers carry the hall's district code instead of the copy's short hall code
-- (A20261121BJCY0001 -> A202611211101050001), so the daily counters are kept per code in the number: two halls in
-- one district share a counter and never issue the same number. Rows of the old counters stay (their codes differ).
alter table intake_sequence rename column hall_id to number_code;

drop table hall;
