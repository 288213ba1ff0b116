package cn.hkmo.notification.recipient;

/**
 * @param sms          whether texts go to the mobile
 * @param mobile       masked ({@code 138****0000}); null while none is known
 * @param alipay       whether the citizen subscribed to the Alipay mini-program's messages
 * @param originClient the client the citizen came through last
 */
public record PreferencesView(boolean sms, String mobile, boolean alipay, String originClient) {
}
