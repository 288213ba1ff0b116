-- The waiting citizen's mobile, sealed like the booking's personal data: an offer names it for its text (issue 17).
alter table waitlist_entry add column mobile_sealed text;
