#!/usr/bin/env bash
# Times `kisi search` against `fzf --filter` on the same synthetic corpora:
# 10,000 and 100,000 entries, written as a kisi pack folder and as plain lines
# (one line per searchable text). Needs fzf and hyperfine.
#
#   apt-get install -y fzf hyperfine
#   scripts/bench-vs-fzf.sh            # or: scripts/bench-vs-fzf.sh 100000
#
# Every run is a fresh process. kisi runs twice over: cold, with an empty
# cache folder (it loads and validates the TOML, builds the search index and
# writes the compiled pack cache), and warm, with that cache in place (it
# checks the pack files against the cache's key and reads pack and index
# from it). fzf reads the lines each time. Wall-clock and CPU (user + system)
# means are printed; on a busy machine the CPU time is the steadier figure.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

queries=("konseling" "ketahanan sosial" "pasal 3" "mediatr")
sizes=("${@:-10000 100000}")
read -r -a sizes <<< "${sizes[*]}"

for tool in fzf hyperfine; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y fzf hyperfine)" >&2; exit 1; }
done
cargo build --release --quiet --bin kisi --example gen_pack
kisi="$CARGO_TARGET_DIR/release/kisi"
gen="$CARGO_TARGET_DIR/release/examples/gen_pack"
export XDG_CACHE_HOME="$work/cache"
unset KISI_NO_CACHE

# "wall cpu" mean seconds of a command; extra hyperfine options before it.
time_cmd() {
    hyperfine --runs 5 --export-json "$work/h.json" --style none "$@" >/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["user"] + r["system"])' "$work/h.json"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-18s %9s %9s %9s %9s %9s %9s %7s %7s\n' entries query \
    cold_s cold_cpu warm_s warm_cpu fzf_s fzf_cpu ratio ratio_cpu
for entries in "${sizes[@]}"; do
    "$gen" "$entries" "$work/pack-$entries" "$work/lines-$entries.txt"
    for query in "${queries[@]}"; do
        q=$(printf '%q' "$query")
        search="$kisi search --content $work/pack-$entries --limit 50 $q"
        read -r cold cold_cpu < <(time_cmd --prepare "rm -rf $work/cache" "$search")
        "$kisi" search --content "$work/pack-$entries" --limit 1 "$query" >/dev/null
        read -r warm warm_cpu < <(time_cmd --warmup 1 "$search")
        read -r fzf fzf_cpu < <(time_cmd --warmup 1 "fzf --filter $q < $work/lines-$entries.txt | head -n 50")
        printf '%-8s %-18s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %7.2f %7.2f\n' "$entries" "$query" \
            "$cold" "$cold_cpu" "$warm" "$warm_cpu" "$fzf" "$fzf_cpu" \
            "$(echo "$warm / $fzf" | bc -l)" "$(echo "$warm_cpu / $fzf_cpu" | bc -l)"
    done
done
echo "ratio = kisi warm / fzf, wall and CPU (lower is better for kisi)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
