package dev.verifier.infra.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SASL/SCRAM-SHA-256 on the broker's client listener ({@code SASL_PLAINTEXT}; TLS is the same with {@code SASL_SSL}
 * and a keystore), with Kafka's {@code StandardAuthorizer}: no access without an ACL ({@code allow.everyone.if.no.acl
 * .found=false}), the inter-broker principal {@value #BROKER_USER} a super user. The SCRAM credentials of every user
 * are written when the log folder is formatted (KRaft keeps them in its metadata log).
 *
 * @param users name → password of every SCRAM user (the broker's own is added)
 */
public record KafkaSecurity(Map<String, String> users, String brokerPassword) {

    public static final String BROKER_USER = "broker";
    public static final String MECHANISM = "SCRAM-SHA-256";
    static final String LISTENER = "SASL_PLAINTEXT";

    public KafkaSecurity {
        users = Map.copyOf(users);
    }

    /** The client settings of {@code user}: what a Verifier service gets as {@code kafka.*} properties. */
    public static Map<String, String> clientProperties(String user, String password) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", LISTENER);
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", jaas(user, password));
        return props;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    void apply(Properties p, String host, int port) {
        p.put("listeners", LISTENER + "://" + host + ":" + port + "," + p.getProperty("listeners").split(",")[1]);
        p.put("advertised.listeners", LISTENER + "://" + host + ":" + port);
        p.put("listener.security.protocol.map", LISTENER + ":" + LISTENER + ",CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", LISTENER);
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config", jaas(BROKER_USER, brokerPassword));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the controller listener is loopback-only and plaintext: its principal is ANONYMOUS
        p.put("super.users", "User:" + BROKER_USER + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    /** The {@code --add-scram} arguments of the storage tool's {@code format}. */
    List<String> formatArguments() {
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(BROKER_USER, brokerPassword);
        return all.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of("--add-scram",
                        MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]"))
                .toList();
    }
}
