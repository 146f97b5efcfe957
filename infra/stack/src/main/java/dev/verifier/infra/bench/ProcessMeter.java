package dev.verifier.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, read from /proc (Linux). The processes are those the
 * launcher wrote to {@code data/pids/<name>.pid}; each counts with all its descendants (PostgreSQL forks a server
 * process per connection under its launcher JVM), so nothing the stack spends is left out.
 */
final class ProcessMeter {

    private static final double MS_PER_TICK = 1000.0 / 100; // USER_HZ is 100 on Linux

    private final Map<String, Long> pids;

    private ProcessMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** The processes in {@code folder}; empty (and a warning) when the launcher wrote none. */
    static ProcessMeter fromPidFiles(Path folder) throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    String name = file.getFileName().toString().replace(".pid", "");
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (Files.exists(Path.of("/proc", Long.toString(pid)))) {
                        pids.put(name, pid);
                    }
                }
            }
        }
        if (pids.isEmpty()) {
            System.out.println("(no running processes in " + folder + ": CPU and memory are not measured; start the "
                    + "stack with infra/run-local.sh)");
        }
        return new ProcessMeter(pids);
    }

    List<String> names() {
        return new ArrayList<>(pids.keySet());
    }

    /** CPU milliseconds spent so far by each process with its descendants. */
    Map<String, Double> cpuMillis() {
        Map<Long, Stat> all = allProcesses();
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, treeTicks(pid, all) * MS_PER_TICK));
        return cpu;
    }

    /**
     * CPU milliseconds spent so far by this JVM, the load generator: it shares the cores with the stack, so what it
     * spends is CPU the stack waits for (latencies, the code-issued lag), though not counted in the stack's figures.
     */
    static double ownCpuMillis() {
        Stat own = stat(ProcessHandle.current().pid());
        return own == null ? 0 : own.ticks() * MS_PER_TICK;
    }

    /** Resident memory in MiB of each process with its descendants. */
    Map<String, Double> residentMiB() {
        Map<Long, Stat> all = allProcesses();
        Map<String, Double> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, tree(pid, all).stream().mapToLong(ProcessMeter::rssKiB).sum() / 1024.0));
        return rss;
    }

    private record Stat(long pid, long parent, long ticks) {
    }

    private static long treeTicks(long pid, Map<Long, Stat> all) {
        return tree(pid, all).stream().mapToLong(p -> all.containsKey(p) ? all.get(p).ticks() : 0).sum();
    }

    private static List<Long> tree(long root, Map<Long, Stat> all) {
        Map<Long, List<Long>> children = new HashMap<>();
        all.values().forEach(s -> children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s.pid()));
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            out.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    private static Map<Long, Stat> allProcesses() {
        Map<Long, Stat> all = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
                Stat stat = stat(Long.parseLong(d.getFileName().toString()));
                if (stat != null) {
                    all.put(stat.pid(), stat);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return all;
    }

    /** The process's parent and CPU ticks (with its waited-for children's), or null when it ended meanwhile. */
    private static Stat stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name in parentheses: state ppid ... utime(14) stime(15) cutime(16) cstime(17)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                    + Long.parseLong(f[14]);
            return new Stat(pid, Long.parseLong(f[1]), ticks);
        } catch (IOException | RuntimeException gone) {
            return null; // the process ended while being read
        }
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended while being read
        }
        return 0;
    }
}
