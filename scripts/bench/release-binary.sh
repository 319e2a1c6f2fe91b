# Sourced by the tmux benchmarks (console.sh, fleet.sh) from the project root: checks for tmux
# and sets $binary to the release `starfleet`, building it first unless $skip_build is 1.
command -v tmux >/dev/null || { echo "tmux is required (scripts/ensure-deps)" >&2; exit 1; }
if [ "${skip_build:-0}" = 0 ]; then swift build -c release --product starfleet >&2; fi
binary="$(swift build -c release --show-bin-path)/starfleet"
[ -x "$binary" ] || { echo "$binary is missing" >&2; exit 1; }
