package dev.verifier.infra.kafka;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One node of a KRaft cluster on loopback: each node is broker and controller, all nodes are voters.
 *
 * @param nodeId            this node (1-based)
 * @param brokerPorts       the client (PLAINTEXT) port of every node, in node-id order
 * @param controllerPorts   the controller port of every node, in node-id order
 * @param replicationFactor topic, offsets and transaction-log replication
 * @param minInsyncReplicas {@code min.insync.replicas} (with {@code acks=all}, how many copies a write needs)
 * @param clusterId         the same for every node (the storage of each is formatted with it)
 */
public record ClusterNode(int nodeId, List<Integer> brokerPorts, List<Integer> controllerPorts,
                          int replicationFactor, int minInsyncReplicas, String clusterId) {

    /** A fixed cluster id for the local clusters (Kafka's base64url form of 16 bytes, not starting with '-'). */
    public static final String LOCAL_CLUSTER_ID = "dmVyaWZpZXItbG9jYWwhIQ";

    /** The three-node cluster of the local high-availability stack: replication 3, min ISR 2. */
    public static List<ClusterNode> cluster(List<Integer> brokerPorts, List<Integer> controllerPorts) {
        int size = brokerPorts.size();
        int minIsr = Math.min(2, size);
        return IntStream.rangeClosed(1, size)
                .mapToObj(id -> new ClusterNode(id, brokerPorts, controllerPorts, size, minIsr, LOCAL_CLUSTER_ID))
                .toList();
    }

    public int port() {
        return brokerPorts.get(nodeId - 1);
    }

    public int controllerPort() {
        return controllerPorts.get(nodeId - 1);
    }

    /** {@code controller.quorum.voters}: {@code id@host:port} of every node. */
    public String quorumVoters(String host) {
        return IntStream.range(0, controllerPorts.size())
                .mapToObj(i -> (i + 1) + "@" + host + ":" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
    }

    /** The bootstrap list of the whole cluster. */
    public String bootstrapServers(String host) {
        return brokerPorts.stream().map(p -> host + ":" + p).collect(Collectors.joining(","));
    }
}
