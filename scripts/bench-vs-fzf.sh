#!/usr/bin/env bash
# Times `kisi search` against `fzf --filter` on the same synthetic corpora:
# 10,000 and 100,000 entries, written as a kisi pack folder and as plain lines
# (one line per searchable text). Needs fzf; uses hyperfine when installed.
#
#   apt-get install -y fzf hyperfine   # hyperfine is optional
#   scripts/bench-vs-fzf.sh
#
# Both tools run once per query as a fresh process, so kisi's time includes
# loading and indexing the pack while fzf's includes reading the lines.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

queries=("konseling" "ketahanan sosial" "pasal 3" "mediatr")

command -v fzf >/dev/null || { echo "fzf is not installed (apt-get install -y fzf)" >&2; exit 1; }
cargo build --release --quiet --bin kisi --example gen_pack
kisi="$CARGO_TARGET_DIR/release/kisi"
gen="$CARGO_TARGET_DIR/release/examples/gen_pack"

# Mean seconds of a command over a few runs.
time_cmd() {
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs 5 --export-json "$work/h.json" --style none "$1" >/dev/null
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
    else
        local runs=5 start end
        bash -c "$1" >/dev/null  # warm-up
        start=$(date +%s.%N)
        for _ in $(seq "$runs"); do bash -c "$1" >/dev/null; done
        end=$(date +%s.%N)
        echo "($end - $start) / $runs" | bc -l
    fi
}

printf '%-8s %-18s %10s %10s %7s\n' entries query kisi_s fzf_s ratio
for entries in 10000 100000; do
    "$gen" "$entries" "$work/pack-$entries" "$work/lines-$entries.txt"
    for query in "${queries[@]}"; do
        q=$(printf '%q' "$query")
        kisi_s=$(time_cmd "$kisi search --content $work/pack-$entries --limit 50 $q")
        fzf_s=$(time_cmd "fzf --filter $q < $work/lines-$entries.txt | head -n 50")
        ratio=$(echo "$kisi_s / $fzf_s" | bc -l)
        printf '%-8s %-18s %10.4f %10.4f %7.2f\n' "$entries" "$query" "$kisi_s" "$fzf_s" "$ratio"
    done
done
echo "ratio = kisi time / fzf time (lower is better for kisi)"
