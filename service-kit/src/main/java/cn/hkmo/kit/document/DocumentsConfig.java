package cn.hkmo.kit.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/**
 * Printed documents ({@code hkmo.documents.*}): whether the service issues any, and who issues them. The names are
 * data an office keeps current (kit defaults for the demo halls' regions; a deployment overrides them), never text
 * in the code.
 */
@ConfigMapping(prefix = "hkmo.documents")
public interface DocumentsConfig {

    /**
     * Whether the service has the documents' store and table at all: fixed at build time (read by
     * {@code @IfBuildProperty}), with {@code db/kit-documents} among its Flyway locations.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * The exit-entry administration of each region, by GB/T 2260 code: a district ({@code 110105}), a city
     * ({@code 440300}) or a province ({@code 440000}). {@link Authorities} takes the most precise one configured.
     */
    Map<String, Names> authorities();

    /** Named when no entry covers the region, so a document never goes without an issuing authority. */
    Names fallback();

    interface Names {
        String zh();

        Optional<String> en();
    }
}
