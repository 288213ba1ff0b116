-- What the counter decided on a booking, from eligibility-service's events on topic "applications": the booking
-- becomes SERVED with the outcome (ACCEPTED + application and receipt numbers, CORRECTION_REQUESTED + notice number,
-- NOT_ACCEPTED + reason code). status values: BOOKED, CANCELLED, CHECKED_IN, NO_SHOW, SERVED.
alter table booking add column outcome        varchar(30);
alter table booking add column application_no varchar(30);
alter table booking add column receipt_no     varchar(30);
alter table booking add column notice_no      varchar(30);
alter table booking add column outcome_reason varchar(50);
alter table booking add column outcome_at     timestamptz;
