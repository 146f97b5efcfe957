package dev.verifier.stack.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The malformed bodies and query strings the fuzz test sends. */
final class Bodies {

    record Case(String name, String contentType, byte[] bytes, Map<String, String> headers) {
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private Bodies() {
    }

    static List<Case> malformed(boolean jsonEndpoint) {
        List<Case> cases = new ArrayList<>();
        String type = jsonEndpoint ? JSON : FORM;
        cases.add(new Case("broken percent-encoding", FORM, utf8("a=%zz&b=%&c=%4"), Map.of()));
        cases.add(new Case("invalid UTF-8", type, new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
                '&', '{', (byte) 0xFE}, Map.of()));
        cases.add(new Case("percent-encoded invalid UTF-8", FORM, utf8("client_id=%C3%28%FF&scope=%FE%FE"),
                Map.of()));
        cases.add(new Case("NUL bytes", type, utf8("client_id=a\u0000b&{\"a\":\"\u0000\"}"), Map.of()));
        cases.add(new Case("body claims gzip", type, utf8("not gzip at all"), Map.of("Content-Encoding", "gzip")));
        cases.add(new Case("unknown content encoding", type, utf8("x=y"), Map.of("Content-Encoding", "br-x")));
        cases.add(new Case("duplicated parameters", FORM, utf8("grant_type=client_credentials&grant_type=password"
                + "&client_id=a&client_id=b&token=a&token=b&scope=a&scope=b&response_type=code&response_type=x"
                + "&username=a&username=b&password=a&password=b&csrfToken=a&csrfToken=b"), Map.of()));
        cases.add(new Case("oversized parameter", FORM, utf8("scope=" + "a".repeat(300_000)), Map.of()));
        cases.add(new Case("very many parameters", FORM, utf8(manyParameters(5_000)), Map.of()));
        cases.add(new Case("two megabyte body", type, utf8("x=" + "b".repeat(2 * 1024 * 1024)), Map.of()));
        cases.add(new Case("empty body", type, new byte[0], Map.of()));
        for (String json : List.of("{", "[]", "null", "{\"a\":", "\"text\"", "{\"redirect_uris\": 5}",
                "{\"scope\": {\"a\": []}}", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":1,\"a\":2}",
                "{\"client_name\":\"" + "x".repeat(300_000) + "\"}")) {
            cases.add(new Case("JSON " + abbreviate(json), JSON, utf8(json), Map.of()));
        }
        return cases;
    }

    static List<String> malformedQueries() {
        return List.of("a=%zz&b=%", "client_id=%C3%28%FF", "client_id=a&client_id=b&response_type=code"
                        + "&response_type=token&scope=a&scope=b&page=1&page=x&size=-1",
                "page=-5&size=999999999999", "refresh=maybe&kid=%00",
                "scope=" + "a".repeat(6_000), manyParameters(400), "%", "&&&==&=");
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " characters)";
    }

    private static String manyParameters(int count) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < count; i++) {
            form.append(i == 0 ? "" : "&").append("p").append(i).append("=v");
        }
        return form.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
