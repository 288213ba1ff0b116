package cn.hkmo.contracts.common;

/**
 * One item of a correction notice (一次性告知): what is missing or wrong.
 *
 * @param description   the line in Chinese, naming the region when the item is for one
 * @param region        the region the item is for (an item of a Hong Kong or a Macao endorsement, such as the relative's
 *                      home-return permit for each), null when it is for the application as a whole (photo, ID);
 *                      missing in events written before it existed
 * @param descriptionEn the line in English; missing in events written before it existed
 */
public record Notice(
        String code,
        String description,
        Destination region,
        String descriptionEn) {

    /** As written before the region and the English line. */
    @Deprecated
    public Notice(String code, String description) {
        this(code, description, null, null);
    }
}
