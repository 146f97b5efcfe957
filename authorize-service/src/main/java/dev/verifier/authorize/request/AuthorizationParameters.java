package dev.verifier.authorize.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.authorize.AuthorizationRequestValidator;
import dev.verifier.shared.error.InputLimits;
import io.micronaut.core.annotation.Nullable;

/**
 * The raw parameters of an authorization request, as they arrived (query or form), every value kept so duplicates
 * can be refused. This is the one input of {@link AuthorizationRequestValidator}: a request-object (JAR) or PAR
 * resolver supplies its parameters as another instance of this type. {@code resource} (RFC 8707) is the one
 * parameter that may be repeated.
 */
public record AuthorizationParameters(Map<String, List<String>> values) {

    public AuthorizationParameters {
        InputLimits.check(values);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = Map.copyOf(copy);
    }

    /** The first value of {@code name}, empty when absent or empty (RFC 6749 §3.1: empty means omitted). */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : list.stream().filter(v -> !v.isEmpty()).findFirst();
    }

    @Nullable
    public String get(String name) {
        return first(name).orElse(null);
    }

    /** Every non-empty value of {@code name}, in the order given (for the repeatable {@code resource}). */
    public List<String> all(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : list.stream().filter(v -> !v.isEmpty()).toList();
    }

    public boolean isDuplicated(String name) {
        List<String> list = values.get(name);
        return list != null && list.size() > 1;
    }

    public Optional<String> firstDuplicated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .filter(e -> !Param.RESOURCE.equals(e.getKey())).map(Map.Entry::getKey).sorted()
                .map(InputLimits::safeName)
                .findFirst();
    }
}
