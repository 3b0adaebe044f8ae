#!/usr/bin/env bash
# Runs the README's test command as on a fresh Debian 12 machine, to measure the newcomer's wait
# (issue 17): a new Debian 12 root (debootstrap, minbase) holding only what a new machine of the CI
# kind has (g++, cmake, git, python3; Node.js and npm copied from this machine, which has them
# from outside Debian), a clean clone of HEAD and empty caches. The test run's set-up then installs
# every Debian and npm package itself, so its step times include the downloads.
# Needs root, debootstrap and about 10 GB in DIR. Usage:
#   bash scripts/fresh-machine.sh DIR            debootstrap into DIR/root, then run
#   bash scripts/fresh-machine.sh DIR --base T   start from a tar of such a root (made with --save T)
#   bash scripts/fresh-machine.sh DIR --save T   only make the root and keep it as T (for --base)
# The log is DIR/run.log; the last lines are the test run's table of step times.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"

dir=${1:?usage: fresh-machine.sh DIR [--base TAR | --save TAR]}
base=""; save=""
case "${2:-}" in
  --base) base=${3:?--base needs a tar file} ;;
  --save) save=${3:?--save needs a tar file} ;;
  "") ;;
  *) echo "fresh-machine: unknown option $2" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "fresh-machine: needs root (chroot, mount)" >&2; exit 2; }
root=$dir/root
[ -e "$root" ] && { echo "fresh-machine: $root exists; give a new DIR" >&2; exit 2; }
mkdir -p "$root"

mounts=()
cleanup() { local i; for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
mount_in() { mkdir -p "$root/$1"; mount "${@:2}" "$root/$1"; mounts+=("$root/$1"); }

if [ -n "$base" ]; then
  tar -xf "$base" -C "$root"
else
  command -v debootstrap >/dev/null || { echo "fresh-machine: install debootstrap first" >&2; exit 2; }
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$dir/debootstrap.log"
  # The machine's own apt sources (with updates and security), name resolution and npm settings.
  rm -f "$root/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" 2>/dev/null ||
    cp /etc/apt/sources.list "$root/etc/apt/sources.list"
  for f in /etc/npmrc /usr/etc/npmrc "$HOME/.npmrc" "$HOME/.gitconfig"; do
    [ -f "$f" ] && mkdir -p "$root$(dirname "$f")" && cp "$f" "$root$f"
  done
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_all() {
  mount_in proc -t proc proc
  mount_in sys --bind /sys
  mount_in dev --bind /dev
  mount_in dev/pts --bind /dev/pts
  mount_in dev/shm -t tmpfs tmpfs
}
mount_all
if [ -z "$base" ]; then
  # What a new machine of the CI kind already has: compilers, cmake, git, python3.
  chroot "$root" bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends g++ cmake git python3 ca-certificates make xz-utils >/dev/null'
  if [ -n "$save" ]; then
    cleanup; mounts=()
    tar --one-file-system -cf "$save" -C "$root" .
    echo "fresh-machine: saved the new root as $save"
    exit 0
  fi
fi

# Node.js and npm as the machine has them (the CI kind ships Node 20; Debian 12 has 18), on every run:
# roots saved before this fix hold /usr/bin/node as a link to itself, so the set-up installed
# Debian's Node 18 (no global WebCrypto) and the Node tests failed. Links only where the machine's
# Node lives outside /usr/bin.
node_bin=$(readlink -f "$(command -v node)")
node_dir=$(dirname "$(dirname "$node_bin")")
# Where Node is a package here (the CI kind: nodesource's nodejs 20), the root gets that package too, so
# apt there sees nodejs installed and does not pull in Debian's 18 for emscripten; the files are then
# copied over it, since npm may have been upgraded in place since the package was installed.
if node_pkg=$(dpkg -S "$node_bin" 2>/dev/null | cut -d: -f1) && [ -n "$node_pkg" ]; then
  command -v dpkg-repack >/dev/null || apt-get install -y -qq dpkg-repack >/dev/null
  (cd "$dir" && dpkg-repack "$node_pkg" >/dev/null 2>&1)
  cp "$dir/${node_pkg}"_*.deb "$root/tmp/"
  chroot "$root" sh -c "dpkg -i /tmp/${node_pkg}_*.deb >/dev/null && rm /tmp/${node_pkg}_*.deb"
fi
mkdir -p "$root$node_dir/bin" "$root$node_dir/lib/node_modules" "$root/usr/bin"
rm -f "$root$node_dir/bin/node"
cp -a "$node_bin" "$root$node_dir/bin/node"
rm -rf "$root$node_dir/lib/node_modules/npm"
cp -a "$node_dir/lib/node_modules/npm" "$root$node_dir/lib/node_modules/"
for t in node:bin/node npm:lib/node_modules/npm/bin/npm-cli.js npx:lib/node_modules/npm/bin/npx-cli.js; do
  [ "$node_dir/${t#*:}" = "/usr/bin/${t%%:*}" ] || ln -sfn "$node_dir/${t#*:}" "$root/usr/bin/${t%%:*}"
done
# The machine's own certificate authorities (a TLS-intercepting registry proxy has one): without them
# npm in the root fails with SELF_SIGNED_CERT_IN_CHAIN. The CI machine has them the same way.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi

# A clone checks out the source's HEAD (a detached one too): the commit under test.
git clone -q --no-local "$RG_ROOT" "$root/work/replyguard"
echo "fresh-machine: $(git -C "$root/work/replyguard" rev-parse --short HEAD) in $root; log $dir/run.log"
start=$SECONDS
status=0
chroot "$root" env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin CI=true LANG=C.UTF-8 \
  bash -c 'cd /work/replyguard && bash .ci/run' > "$dir/run.log" 2>&1 || status=$?
tail -25 "$dir/run.log"
echo "fresh-machine: exit $status after $((SECONDS - start)) s (fresh root, clone and caches, set-up included)"
exit $status
