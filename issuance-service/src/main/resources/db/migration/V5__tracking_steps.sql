-- The steps of an EMS mailing as EMS reports them (posted, in transit, out for delivery, returned, delivered): when
-- and where, for the citizen's tracking and timeline. Cases dispatched before keep only their two times.
create table tracking_step (
    application_no varchar(40) not null references case_file (application_no),
    position       int         not null,
    status         varchar(20) not null,
    occurred_at    timestamptz not null,
    place          varchar(100),
    primary key (application_no, position)
);
