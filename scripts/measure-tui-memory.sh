#!/bin/sh
# Peak memory of the TUI on a large pack: loads the pack, opens search, types
# two queries (with backspaces between), then prints VmRSS at each stage and
# the peak (VmHWM). Needs tmux. Make the pack first, e.g.
#   cargo run --release --example gen_pack -- 100000 /tmp/p100k /tmp/p100k.txt
#   scripts/measure-tui-memory.sh target/release/kisi /tmp/p100k
set -eu
bin=$1
pack=$2
socket=kisi-mem-$$
data=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$data"' EXIT
tmux -L "$socket" new -d -s m -x 100 -y 30 "$bin --content $pack --data-dir $data"
keys() { tmux -L "$socket" send-keys -t m "$@"; }
rss() { printf '%-28s %s\n' "$1" "$(grep VmRSS "/proc/$pid/status" | awk '{print $2 / 1024 " MiB"}')"; }
sleep 1
pid=$(tmux -L "$socket" list-panes -t m -F '#{pane_pid}')
# Loading is done when the menu is drawn.
until tmux -L "$socket" capture-pane -pt m | grep -q 'Jelajahi\|Browse'; do sleep 0.5; done
rss "home screen"
keys /
sleep 8   # the search worker builds its index
rss "search open, index built"
for c in k o n s e l i n g; do keys "$c"; sleep 1; done
sleep 3
rss "after typing konseling"
for _ in 1 2 3 4 5 6 7 8 9; do keys BSpace; done
sleep 2
for c in k e t a h a n a n Space s o s i a l; do keys "$c"; sleep 0.5; done
sleep 3
rss "after ketahanan sosial"
tmux -L "$socket" capture-pane -pt m | sed -n 2,3p
grep VmHWM "/proc/$pid/status" | awk '{print "peak (VmHWM)                 " $2 / 1024 " MiB"}'
