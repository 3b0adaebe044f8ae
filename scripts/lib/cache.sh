# Heavy third-party builds (ICU, fastText, Snowball... for wasm) are built once per machine and
# kept outside the clone in $RG_CACHE/<name>-<version>-<key>, where <key> hashes the build
# script, flags and patches: a change of any of them lands in a new directory, never a stale one.
# Sourced by paths.sh.
#
#   key=$(rg_cache_key FILE...)                 12 hex digits over the files' contents
#   dir=$(rg_cache_dir NAME VERSION KEY)         where that build lives
#   rg_cached_build NAME VERSION KEY BUILD_FN    runs "BUILD_FN PREFIX" unless the build is there
#
# Call rg_cached_build as a plain command, not inside `if`, `&&` or `||`: there bash ignores set -e
# in everything it runs, so a failing step of BUILD_FN would not stop it.
# BUILD_FN installs into PREFIX (a temporary directory next to the final one) and returns 0; the
# directory is then moved into place with a .complete marker, so an interrupted build leaves
# nothing behind that looks finished. A lock makes concurrent builds of the same key (two
# clones, two engineers) wait for one another instead of building twice.

rg_cache_key() {
  cat "$@" | sha256sum | cut -c1-12
}

rg_cache_dir() {
  echo "$RG_CACHE/$1-$2-$3"
}

rg_cached_build() {
  local name=$1 version=$2 key=$3 build_fn=$4
  local dir
  dir=$(rg_cache_dir "$name" "$version" "$key")
  [ -f "$dir/.complete" ] && { echo "$name $version: cached at $dir"; return 0; }
  mkdir -p "$RG_CACHE"
  (
    flock 9
    if [ -f "$dir/.complete" ]; then echo "$name $version: cached at $dir (built meanwhile)"; exit 0; fi
    local tmp="$dir.tmp.$$"
    rm -rf "$tmp" "$dir"
    echo "$name $version: building into $dir (once per machine)"
    # Not `build_fn || ...`: bash ignores set -e inside a function called in a || list, so a
    # failed compile would go on and the half-built directory would be marked complete. The
    # subshell runs BUILD_FN with set -e, stopping at its first failing command.
    set +e
    (set -e; "$build_fn" "$tmp")
    status=$?
    set -e
    if [ $status -ne 0 ]; then rm -rf "$tmp"; echo "$name $version: build failed" >&2; exit 1; fi
    touch "$tmp/.complete"
    mv -T "$tmp" "$dir"
  ) 9>"$RG_CACHE/.lock-$name-$version-$key"
}
