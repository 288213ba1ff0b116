package cn.hkmo.notification.message;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message as its citizen reads it, in the request's language.
 *
 * @param kind what it is about ({@code place-offered}, {@code reminder}, ...), for the front-end's icon and switch
 * @param link the booking, hold or application it is about (a path of the public API)
 */
public record MessageView(UUID id, String kind, String title, String body, String link, OffsetDateTime createdAt,
                          boolean read, OffsetDateTime readAt) {
}
