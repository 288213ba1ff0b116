-- The simulated SMS provider's record of what it received (dev and test databases only: docs/adr/0009).
create table sms_simulator_message (
    id             bigserial primary key,
    biz_id         varchar(40)  not null,
    out_id         varchar(256),
    phone          varchar(20)  not null,
    sign_name      varchar(40)  not null,
    template_code  varchar(40)  not null,
    template_param text         not null,
    received_at    timestamptz  not null
);
create index sms_simulator_by_phone on sms_simulator_message (phone, received_at);
create index sms_simulator_by_out_id on sms_simulator_message (out_id);
