-- Demo halls for the local run and the tests. The location db/demo is in every build (Flyway locations are
-- fixed at build time), so the rows are guarded by the run-time placeholder demo_halls: true in %dev and
-- %test, false in production.
-- Ids match the officers' hall_id claims of the realm. Addresses and coordinates are realistic, not authoritative.
do $demo$
begin
  if '${demo_halls}' = 'true' then
    insert into hall (id, name, province_code, province_name, city_code, city_name, district_code, district_name,
                      address, latitude, longitude, phone, weekdays, opens, closes, lunch_start, lunch_end,
                      window_minutes, capacity_per_window, categories, endorsement_types, cut_off_minutes, updated_at)
    values
    ('BJ-CHAOYANG', '北京市公安局朝阳分局出入境接待大厅', '110000', '北京市', '110100', '北京市', '110105', '朝阳区',
     '北京市朝阳区朝阳门外大街乙12号', 39.9219, 116.4434, '010-85953800',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '09:00', '17:00', '12:00', '13:30', 30, 10,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 120, now()),
    ('BJ-HAIDIAN', '北京市公安局海淀分局出入境接待大厅', '110000', '北京市', '110100', '北京市', '110108', '海淀区',
     '北京市海淀区长春桥路11号', 39.9590, 116.2980, '010-82519999',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY', '09:00', '17:00', '12:00', '13:00', 30, 8,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 120, now()),
    ('SH-PUDONG', '上海市公安局出入境管理局浦东接待大厅', '310000', '上海市', '310100', '上海市', '310115', '浦东新区',
     '上海市浦东新区民生路1500号', 31.2265, 121.5445, '021-28951900',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY', '09:00', '17:00', '11:30', '13:00', 30, 12,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 120, now()),
    ('SH-XUHUI', '上海市公安局徐汇分局出入境接待大厅', '310000', '上海市', '310100', '上海市', '310104', '徐汇区',
     '上海市徐汇区漕溪北路331号', 31.1880, 121.4370, '021-64869990',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '09:00', '17:00', '11:30', '13:00', 30, 6,
     'REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,Q', 120, now()),
    ('GZ-TIANHE', '广州市公安局天河区分局出入境接待大厅', '440000', '广东省', '440100', '广州市', '440106', '天河区',
     '广州市天河区天河北路626号', 23.1418, 113.3326, '020-83118088',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY', '09:00', '18:00', '12:00', '14:00', 30, 10,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 120, now()),
    ('SZ-FUTIAN', '深圳市公安局出入境管理局福田接待大厅', '440000', '广东省', '440300', '深圳市', '440304', '福田区',
     '深圳市福田区深南大道7010号', 22.5410, 114.0550, '0755-84465490',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY', '09:00', '18:00', '12:00', '13:30', 20, 10,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 60, now()),
    ('CD-JINJIANG', '成都市公安局锦江区分局出入境接待大厅', '510000', '四川省', '510100', '成都市', '510104', '锦江区',
     '成都市锦江区东大街下东大街段99号', 30.6525, 104.0880, '028-86407110',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '09:00', '17:00', '12:00', '13:30', 30, 8,
     'FIRST_APPLICATION,REAPPLICATION,REISSUE,RENEWAL,ENDORSEMENT_ONLY', 'T,S,L,G,D,Q,TALENT', 120, now())
    on conflict (id) do nothing;
  end if;
end
$demo$;
