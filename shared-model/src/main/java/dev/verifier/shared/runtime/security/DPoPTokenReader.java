package dev.verifier.shared.runtime.security;

import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.security.token.reader.HttpHeaderTokenReader;
import jakarta.inject.Singleton;

/**
 * Reads the access token of {@code Authorization: DPoP <token>} (RFC 9449 §7.1) beside micronaut-security's bearer
 * reader; {@link DPoPBindingValidator} then requires the proof that goes with it.
 */
@Singleton
@Requires(classes = HttpHeaderTokenReader.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class DPoPTokenReader extends HttpHeaderTokenReader {

    @Override
    protected String getPrefix() {
        return "DPoP";
    }

    @Override
    protected String getHeaderName() {
        return HttpHeaders.AUTHORIZATION;
    }
}
