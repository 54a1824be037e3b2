#!/bin/sh
# The test suite under AddressSanitizer and ThreadSanitizer (issue 20; docs/performance.md
# "Sanitizers"). Each builds in a folder of its own and takes some minutes on 2 cores.
#   scripts/sanitize.sh [address|thread …] [-- swift test options, e.g. --filter LedgerTests]
# Output: .build/sanitize-NAME.log; the script ends 1 when a run fails or a sanitizer reports.
set -u
cd "$(dirname "$0")/.."
kinds=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do kinds="$kinds $1"; shift; done
[ "${1:-}" = "--" ] && shift
[ -n "$kinds" ] || kinds="address thread"
status=0
for kind in $kinds; do
    log=.build/sanitize-$kind.log
    mkdir -p .build
    echo "== $kind: swift test --sanitize=$kind (log: $log)" >&2
    # LeakSanitizer's reports on Foundation's Process (the tests' drivers) are not the product's.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0} \
        swift test --build-path ".build/sanitize-$kind" --disable-swift-testing --sanitize="$kind" "$@" >"$log" 2>&1
    rc=$?
    reports=$(grep -c -E '^(WARNING: ThreadSanitizer|==[0-9]+==ERROR: AddressSanitizer)' "$log")
    failed=$(grep -E 'Executed [0-9]+ tests' "$log" | tail -1)
    echo "   exit $rc; $reports sanitizer report(s); $failed" >&2
    grep -E '^(SUMMARY: (Thread|Address)Sanitizer)' "$log" | sort | uniq -c | sort -rn | head -20 >&2
    [ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] || status=1
done
exit $status
