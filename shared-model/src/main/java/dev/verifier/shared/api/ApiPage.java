package dev.verifier.shared.api;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The answer of client-registry's {@code GET /apis}: one page of APIs in registration order, or (with
 * {@code ?identifier=} or {@code ?scope=}) the one API that has that identifier or owns that scope, if any.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ApiPage(@Nullable List<RegisteredApi> apis, int page, int size, long total) {

    public ApiPage {
        apis = apis == null ? List.of() : List.copyOf(apis);
    }
}
