#!/usr/bin/env bash
# Sourced by infra/run-local.sh and infra/run-local-ha.sh (after DATA is set): how a launcher starts a JVM.

# JVM options of every JVM a launcher starts (VERIFIER_JVM_OPTS replaces them, jit_options and heap_options). A small
# initial heap that grows on demand: the default initial heap is 1/64 of the machine's memory, so on 24 GiB every
# service committed its whole -Xmx at start. The serial collector and a bounded code cache. Start-up is won back with
# class-data sharing (cds_options).
LAUNCHER_JVM_OPTS="-Xmx192m -Xms24m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k"

# The JIT of each JVM (see docs/performance.md): C1 alone. Request paths are wide and have no tight loop of their own:
# C2 spent about half of a fresh service's CPU for minutes compiling them, for a small gain once done. The arithmetic
# that would need C2 runs in native code instead: signatures (shared-model's NativeCrypto, Corretto's provider: an RSA
# check costs 0.02 ms there against 0.20 ms in the JDK's code under C1) and authorize-service's Argon2id.
# authorize-service, token-service and the broker compile a method after a tenth of the usual calls
# (CompileThresholdScaling=0.1: 20 instead of 200). A sign-in runs thousands of methods once or a few times each: at
# the usual counts, with the compiler's queue long and the machine busy, half to two thirds of those services' samples
# were still in the interpreter 20 s into the first sign-ins after a start (flight recordings, docs/performance.md),
# against 0-5 % with it, for 5-20 MiB more compiled code each. client-registry and resource-api serve a few cheap
# requests many times over and keep the usual counts (and their memory).
jit_options() { # jit_options NAME (NAME: the service, service-copy, or kafka-broker)
  [ -n "${VERIFIER_JVM_OPTS:-}" ] && return 0
  case "$1" in
    authorize-service*|token-service*|kafka-broker*) echo "-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1" ;;
    *) echo "-XX:TieredStopAtLevel=1" ;;
  esac
}
# The young generation of each JVM. The serial collector sizes it at a third of the heap, up to 64 MiB, and all of it is
# touched between two collections. client-registry and resource-api keep little alive across requests: with an 8 MiB
# young generation they hold 9-14 MiB less at steady state for a few more short collections (docs/performance.md).
# token-service (H2's page cache and the grant rows pass through its young generation), authorize-service and the
# broker spent clearly more time collecting with it, for 2-5 MiB (or, token-service, 25 MiB) less, and keep the default.
heap_options() { # heap_options NAME (NAME: the service, service-copy, or kafka-broker)
  [ -n "${VERIFIER_JVM_OPTS:-}" ] && return 0
  case "$1" in
    client-registry*|resource-api*) echo "-Xmn8m" ;;
  esac
}
CDS="${VERIFIER_CDS:-true}"
# glibc gives every thread that allocates its own 64 MiB malloc arena; two are plenty for these JVMs and save tens of MiB
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Class-data sharing (JDK 17 dynamic archives): the first start of a jar records the classes it loaded into
# $DATA/cds/<name>-<jar mtime>-<jar size>.jsa when the service stops; later starts of the same jar map that archive
# instead of loading and verifying every class again. A rebuilt jar gets a new archive (the old one is deleted). The
# JVM writes an archive's header last, so one whose dump was cut short (the process killed meanwhile) lacks the
# dynamic archive's magic number (f00baba8): the JVM would silently ignore it on every start, so it is deleted and
# recorded anew. The dump runs after the service's own shutdown and takes seconds when several JVMs stop at once on a
# small machine (all five record at the first stop after a build), so a recording start ends 40 s after SIGTERM
# (verifier.shutdown.exit-deadline, 6 s otherwise: the services' watchdog, at 6 s and then at 14 s, cut
# client-registry's dump when all five recorded at once); the launchers kill what is left 45 s after SIGTERM.
# VERIFIER_CDS=false turns it off.
cds_options() { # cds_options NAME JAR (NAME: the service, or service-copy when several copies run)
  $CDS || return 0
  local stamp archive
  stamp=$(stat -c '%Y-%s' "$2")
  archive="$DATA/cds/$1-$stamp.jsa"
  mkdir -p "$DATA/cds"
  if [ -s "$archive" ] && [ "$(od -An -tx4 -N4 "$archive" | tr -d ' ')" != "f00baba8" ]; then
    rm -f "$archive"
  fi
  if [ -s "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$DATA/cds/$1-"*.jsa
    echo "-XX:ArchiveClassesAtExit=$archive -Dverifier.shutdown.exit-deadline=40s -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
