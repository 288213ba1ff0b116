-- A deadline computed through a year without its State Council holiday notice rests on the statutory holidays and
-- is recomputed when the notice is loaded (deadline.DeadlineRecomputation).
alter table case_file add column deadline_provisional boolean not null default false;
create index case_file_deadline_provisional on case_file (application_no) where deadline_provisional;
