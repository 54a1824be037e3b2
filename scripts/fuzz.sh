#!/bin/sh
# Runs one libFuzzer target for SECONDS seconds (issue 20; docs/performance.md "Fuzzing").
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
# TARGET: ledger, contest, entries, mime, mbox, csv, xml (Sources/KhanaenFuzz/FuzzTargets.swift).
# The entry points live in the library target KhanaenFuzz, built with -sanitize=fuzzer,address
# in a build folder of its own (.build/fuzz), then linked by swiftc into .build/fuzz/khanaen-fuzz:
# `swift build -Xswiftc -sanitize=fuzzer` cannot link an executable target itself.
# The seed corpus is Tests/Fuzz/corpus/TARGET (committed); what the run adds goes to
# .build/fuzz/corpus/TARGET; a crash is written to .build/fuzz/crash-TARGET-*: make it a test.
set -eu
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
cd "$(dirname "$0")/.."
build=.build/fuzz
swift build --build-path "$build" --target KhanaenFuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DKHANAEN_FUZZ >&2
objects=$(find "$build/debug/" -path '*.build/*.o' \( -path '*/KhanaenFuzz.build/*' -o -path '*/KhanaenCore.build/*' \
    -o -path '*/KhanaenImport.build/*' -o -path '*/KhanaenText.build/*' -o -path '*/CSHA256.build/*' -o -path '*/CICU.build/*' \))
binary=$build/khanaen-fuzz
newest=$(ls -t $objects | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address $objects -o "$binary" >&2
fi
mkdir -p "$build/corpus/$target"
KHANAEN_FUZZ_TARGET=$target exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$build/crash-$target-" -print_final_stats=1 "$@" "$build/corpus/$target" "Tests/Fuzz/corpus/$target"
