#!/usr/bin/env bash
# Runs an image tarball built by build-images.sh WITHOUT a container engine, the way the Kubernetes manifests run it:
# its layers unpacked into a root file system that is mounted read-only, a fresh writable /tmp, its entrypoint, user,
# working directory and environment from the image config, plus the variables given here. Host network. Needs root
# (chroot, mount namespaces), python3 and jq.
#
#   infra/deploy/image/run-image.sh <service>/target/jib-image.tar [NAME=value ...]
#
# It prints the image's user and entrypoint, then runs it in the foreground (Ctrl-C or SIGTERM stops it).
set -euo pipefail

TAR=$(readlink -f "$1"); shift
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/oci" "$WORK/root"
tar -xf "$TAR" -C "$WORK/oci"
blob() { echo "$WORK/oci/blobs/${1/://}"; }
MANIFEST=$(blob "$(jq -r '.manifests[0].digest' "$WORK/oci/index.json")")
CONFIG=$(blob "$(jq -r '.config.digest' "$MANIFEST")")
for layer in $(jq -r '.layers[].digest' "$MANIFEST"); do
  tar --warning=no-unknown-keyword -xzf "$(blob "$layer")" -C "$WORK/root"
done

USER_SPEC=$(jq -r '.config.User' "$CONFIG")
WORKDIR=$(jq -r '.config.WorkingDir // "/"' "$CONFIG")
mapfile -t ENTRYPOINT < <(jq -r '.config.Entrypoint[]' "$CONFIG")
mapfile -t IMAGE_ENV < <(jq -r '.config.Env[]?' "$CONFIG")
echo "image user: $USER_SPEC   entrypoint: ${ENTRYPOINT[*]}   workdir: $WORKDIR"

# A private mount namespace: the unpacked root bind-mounted read-only, an empty tmpfs on /tmp (the pod's emptyDir),
# /proc and /dev as a container runtime would mount them (the JVM finds its libraries through /proc/self/exe);
# then the entrypoint with the image's root, working directory, user and environment.
UID_=${USER_SPEC%%:*}; GID_=${USER_SPEC##*:}
env -i "${IMAGE_ENV[@]}" "$@" /usr/bin/unshare --mount --fork --kill-child=SIGTERM /bin/bash -c '
  set -euo pipefail
  export PATH=/usr/sbin:/usr/bin:/sbin:/bin
  root=$1 uid=$2 gid=$3 workdir=$4; shift 4
  mkdir -p "$root/proc" "$root/dev" "$root/sys"   # what a container runtime provides
  mount --bind "$root" "$root"
  mount -o remount,bind,ro "$root"
  mount -t tmpfs -o size=64m,mode=1777 tmpfs "$root/tmp"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  exec unshare --root="$root" --wd="$workdir" --setgid "$gid" --setuid "$uid" "$@"
' run-image "$WORK/root" "$UID_" "$GID_" "$WORKDIR" "${ENTRYPOINT[@]}" &
CHILD=$!
# unshare --fork ignores SIGTERM itself: stop the JVM, its child
trap 'pkill -TERM -P "$CHILD" 2>/dev/null' TERM INT
wait "$CHILD" || true
wait "$CHILD" 2>/dev/null || true
