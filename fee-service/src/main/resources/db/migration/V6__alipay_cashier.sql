-- The mobile-web cashier (alipay.trade.wap.pay): the platform creates the trade when the citizen opens the cashier, so
-- its number is unknown here until a notify or a query tells it. The time the cashier was first handed out marks an
-- order whose trade may exist: reconciliation queries it, and a counter payment closes it first.

alter table payment_order add column alipay_cashier_at timestamptz;
