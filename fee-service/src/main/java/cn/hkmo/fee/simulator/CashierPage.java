package cn.hkmo.fee.simulator;

import cn.hkmo.fee.alipay.TradeStatus;

/**
 * The simulated mobile-web cashier as HTML: the trade and one Pay button, or the platform's error page. No script, so
 * the page's own policy can forbid all of it.
 */
final class CashierPage {

    /** Nothing but the page's own inline style; the form posts to the simulator, which redirects to the merchant. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private static final String STYLE = "body{font-family:sans-serif;margin:0;background:#f5f5f5}"
            + "header{background:#1677ff;color:#fff;padding:12px 16px;font-size:18px}"
            + "main{background:#fff;margin:12px;padding:16px;border-radius:8px}"
            + ".amount{font-size:32px;margin:12px 0}button{width:100%;padding:12px;font-size:18px;border:0;"
            + "border-radius:8px;background:#1677ff;color:#fff}";

    private CashierPage() {
    }

    /** @param payPath where the Pay button posts */
    static String cashier(SimulatedPlatform.Cashier cashier, String payPath) {
        String body = "<p>" + escape(cashier.subject()) + "</p>"
                + "<p>订单号 Order <span id=\"out-trade-no\">" + escape(cashier.outTradeNo()) + "</span></p>"
                + "<p class=\"amount\">¥<span id=\"amount\">" + escape(cashier.amount()) + "</span></p>"
                + (TradeStatus.WAIT_BUYER_PAY.equals(cashier.tradeStatus())
                ? "<form method=\"post\" action=\"" + escape(payPath) + "\"><button id=\"pay\" type=\"submit\">确认付款 Pay</button></form>"
                : "<p id=\"trade-status\">" + escape(cashier.tradeStatus()) + "</p>");
        return page("收银台 Cashier", body);
    }

    static String refused(SimulatedPlatform.Refused refused) {
        return page("支付失败 Payment refused", "<p id=\"error\">" + escape(refused.subCode()) + " " + escape(refused.subMsg()) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + title
                + "</title><style>" + STYLE + "</style></head><body><header>支付宝模拟收银台 · Alipay simulator</header><main>"
                + body + "</main></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
