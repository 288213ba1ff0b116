package cn.hkmo.notification.recipient;

/**
 * @param sms          whether texts go to the mobile
 * @param mobile       masked ({@code 138****0000}); null while none is known
 * @param originClient the client the citizen came through last (platform messages follow it)
 */
public record PreferencesView(boolean sms, String mobile, String originClient) {
}
