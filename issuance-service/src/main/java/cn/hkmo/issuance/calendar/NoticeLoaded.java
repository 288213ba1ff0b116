package cn.hkmo.issuance.calendar;

/**
 * What loading a notice did.
 *
 * @param changed             false when the same notice was already loaded for the year: nothing was written
 * @param deadlinesRecomputed open provisional deadlines that changed (now final, or moved)
 * @param deadlinesMoved      of those, the ones whose date moved (each with a timeline entry)
 */
public record NoticeLoaded(int year, String title, String sha256, boolean changed, int deadlinesRecomputed,
                           int deadlinesMoved) {
}
