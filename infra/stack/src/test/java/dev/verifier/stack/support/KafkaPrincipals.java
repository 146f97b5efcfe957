package dev.verifier.stack.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import dev.verifier.infra.kafka.KafkaSecurity;
import dev.verifier.stack.support.VerifierStack.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A SASL/SCRAM broker with ACLs as docs/operating.md lists them: each service its own principal (named after the
 * service), the topics created by the operator (the broker's super user) and {@code verifier.kafka.topics.create=false}
 * in the services, and one more principal, {@value #INTRUDER}, holding no ACL at all.
 */
public final class KafkaPrincipals {

    public static final String INTRUDER = "intruder";
    /** The contract's topics (shared-model's Topics; the stack tests see the services only from outside). */
    public static final String CODE_ISSUED = "verifier.code-issued";
    static final String DEVICE_GRANT = "verifier.device-grant";
    static final String CLIENT_CHANGED = "verifier.client-changed";
    static final String API_CHANGED = "verifier.api-changed";
    static final String AUDIT = "verifier.audit";
    static final String DEAD_LETTER = "verifier.dead-letter";
    private static final List<String> TOPICS = List.of(CODE_ISSUED, DEVICE_GRANT, CLIENT_CHANGED, API_CHANGED, AUDIT,
            DEAD_LETTER);

    private final Map<String, String> passwords = new HashMap<>();
    private final String brokerPassword = random();

    public KafkaPrincipals() {
        for (Service s : Service.values()) {
            passwords.put(s.module, random());
        }
        passwords.put(INTRUDER, random());
    }

    public KafkaSecurity security() {
        return new KafkaSecurity(passwords, brokerPassword);
    }

    /** The environment of {@code service}: its own SCRAM principal, no topic creation. */
    public Map<String, String> env(Service service) {
        Map<String, String> env = new HashMap<>();
        KafkaSecurity.clientProperties(service.module, passwords.get(service.module))
                .forEach((k, v) -> env.put("KAFKA_" + k.toUpperCase().replace('.', '_'), v));
        env.put("VERIFIER_KAFKA_TOPICS_CREATE", "false");
        return env;
    }

    /** Kafka client properties of {@code user} ({@link KafkaSecurity#BROKER_USER} for the super user). */
    public Properties client(String bootstrapServers, String user) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String password = KafkaSecurity.BROKER_USER.equals(user) ? brokerPassword : passwords.get(user);
        props.putAll(KafkaSecurity.clientProperties(user, password));
        return props;
    }

    /** As the operator: creates the topics and the ACLs of each service's principal. */
    public void prepare(String bootstrapServers) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(client(bootstrapServers, KafkaSecurity.BROKER_USER))) {
            for (String topic : TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            admin.createAcls(acls()).all().get();
        }
    }

    /** The ACLs of docs/operating.md ("Kafka: TLS, SASL/SCRAM and ACLs"). */
    static List<AclBinding> acls() {
        String authorize = Service.AUTHORIZE.module;
        String token = Service.TOKEN.module;
        String registry = Service.REGISTRY.module;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, CODE_ISSUED, authorize, AclOperation.WRITE);
        topic(acls, CODE_ISSUED, token, AclOperation.READ);
        topic(acls, DEVICE_GRANT, authorize, AclOperation.WRITE);
        topic(acls, DEVICE_GRANT, token, AclOperation.READ);
        topic(acls, CLIENT_CHANGED, registry, AclOperation.WRITE);
        topic(acls, CLIENT_CHANGED, authorize, AclOperation.READ);
        topic(acls, CLIENT_CHANGED, token, AclOperation.READ);
        topic(acls, API_CHANGED, registry, AclOperation.WRITE);
        topic(acls, API_CHANGED, authorize, AclOperation.READ);
        topic(acls, API_CHANGED, token, AclOperation.READ);
        topic(acls, DEAD_LETTER, token, AclOperation.WRITE);
        for (Service s : Service.values()) {
            topic(acls, AUDIT, s.module, AclOperation.WRITE);
            // consumer groups are named after the service (token-service-code-issued, <service>-client-changed-<id>,
            // <service>-api-changed-<id>)
            acls.add(allow(new ResourcePattern(ResourceType.GROUP, s.module + "-", PatternType.PREFIXED), s.module,
                    AclOperation.READ));
            // the readiness check reads the broker's configuration
            acls.add(allow(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), s.module,
                    AclOperation.DESCRIBE_CONFIGS));
        }
        return acls;
    }

    private static void topic(List<AclBinding> acls, String topic, String principal, AclOperation operation) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        acls.add(allow(pattern, principal, operation));
        acls.add(allow(pattern, principal, AclOperation.DESCRIBE));
    }

    private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + principal, "*", operation,
                AclPermissionType.ALLOW));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
