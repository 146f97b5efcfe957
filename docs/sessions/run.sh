#!/usr/bin/env bash
# Runs one runbook session file (docs/sessions/*.sh) in one shell, block by block, printing each block's commands
# and then its output, so the outputs can be compared with (or pasted into) the runbooks.
# Usage, from the folder where infra/run-local.sh runs:  bash docs/sessions/run.sh docs/sessions/public.sh
set -u
session=${1:?usage: run.sh <session file>}
script=$(mktemp)
trap 'rm -f "$script"' EXIT
awk '
  function flush() {
    if (block == "") return
    n++
    printf "echo \"===== block %d\"\ncat <<\047__BLOCK__\047\n%s__BLOCK__\necho \"----- output\"\n%s", n, block, block
    block = ""
  }
  /^#---$/ { flush(); next }
  { block = block $0 "\n" }
  END { flush() }
' "$session" > "$script"
bash "$script" 2>&1
