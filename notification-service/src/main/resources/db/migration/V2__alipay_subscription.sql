-- A citizen's subscription to the Alipay mini-program's messages: their Alipay user id, sealed like the mobile.
alter table recipient add column alipay_user_sealed text;
