#!/usr/bin/env bash
# A real batch system: start a one-node Slurm cluster on this machine, run a forlob run as a
# job array (examples/cluster/forlob-array.sbatch, one --replicate-range per task), merge
# the parts with the built CLI and check the merge is byte for byte the run done whole in
# one process. CI runs it as root on a fresh Debian; it installs slurm-wlm and munge with
# apt when they are missing. Runs in well under a minute once the packages are in.
#
#   bash scripts/slurm-check.sh            # from the repository, after npm ci
#
# The cluster's configuration, state and logs live in a temporary directory (removed at the
# end unless SLURM_CHECK_KEEP=1); the daemons it started are stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MODEL=${SLURM_CHECK_MODEL:-randers-2025}
REPLICATES=${SLURM_CHECK_REPLICATES:-40}
SEED=${SLURM_CHECK_SEED:-17}
TASKS=${SLURM_CHECK_TASKS:-4}

fail() {
  echo "slurm-check: FAILED: $*" >&2
  exit 1
}
say() { echo "slurm-check: $*"; }
start=$(date +%s)

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and starts slurmctld, slurmd and munged)"

if ! command -v sbatch >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  say "installing slurm-wlm and munge (apt)"
  apt-get update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null ||
    fail "apt-get install slurm-wlm munge"
fi
[ -f dist/cli.js ] || { say "building dist/"; npm run build --silent >/dev/null || fail "npm run build"; }
CLI=(node "$ROOT/dist/cli.js")

WORK=$(mktemp -d /tmp/forlob-slurm.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local rc=$?
  # Stop only the daemons this script started, by their pid, newest first.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$rc" != 0 ]; then
    for log in "$WORK"/slurmctld.log "$WORK"/slurmd.log "$WORK"/munged.log "$WORK"/out/forlob-*.out; do
      [ -f "$log" ] || continue
      echo "--- last lines of $log" >&2
      tail -n 12 "$log" >&2
    done
  fi
  if [ -n "${SLURM_CHECK_KEEP:-}" ]; then echo "slurm-check: kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

# --- munge: Slurm's daemons and commands authenticate with it. Reuse a running munged.
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munged already running"
else
  [ -s /etc/munge/munge.key ] || {
    mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null ||
      dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  }
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  install -d -o munge -g munge -m 755 /run/munge
  install -d -o munge -g munge -m 700 /var/lib/munge /var/log/munge
  # setpriv execs munged as the munge user (runuser would stay as a parent shell in between).
  setpriv --reuid=munge --regid=munge --init-groups munged --foreground >"$WORK/munged.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
  munge -n | unmunge >/dev/null 2>&1 || fail "munged did not start (its log follows)"
fi

# --- a one-node cluster on localhost, without cgroups or accounting (CI machines and
# containers often have neither). SLURM_CONF points every Slurm command at this file.
HOST=$(hostname -s)
NODE=$(slurmd -C | head -n 1) # NodeName=<host> CPUs=… as slurmd sees the machine
case "$NODE" in NodeName=*) ;; *) fail "slurmd -C did not describe the node: $NODE" ;; esac
mkdir -p "$WORK/state" "$WORK/spool" "$WORK/out"
export SLURM_CONF=$WORK/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=forlob-ci
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldPort=${SLURM_CHECK_PORT:-6817}
SlurmdPort=$((${SLURM_CHECK_PORT:-6817} + 1))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
# Schedule on every submission and completion and look again each second: the defaults
# (a pass every 60 s) leave array tasks pending long after a CPU frees up.
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1,sched_min_interval=0
$NODE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
say "starting slurmctld and slurmd for node $HOST"
slurmctld -D -i -f "$SLURM_CONF" >"$WORK/slurmctld.log" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >"$WORK/slurmd.log" 2>&1 &
PIDS+=($!)
state=
for _ in $(seq 60); do
  state=$(sinfo -h -N -n "$HOST" -o '%t' 2>/dev/null || true)
  [ "$state" = idle ] && break
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a Slurm daemon exited during start-up"; done
  sleep 0.5
done
[ "$state" = idle ] || fail "node $HOST is not idle after 30 s (sinfo says '${state:-nothing}')"
say "cluster up in $(($(date +%s) - start)) s"

# --- the run as a job array, then merged, then whole.
export FORLOB="node $ROOT/dist/cli.js" FORLOB_MODEL=$MODEL FORLOB_REPLICATES=$REPLICATES FORLOB_SEED=$SEED
export FORLOB_OUT=$WORK/out
t0=$(date +%s)
say "sbatch --array=0-$((TASKS - 1)): $MODEL, $REPLICATES replicates, seed $SEED"
# Not `sbatch --wait` (the README's way): between polls it sleeps 2 s, then 8, then 32, so a
# 10 s array returned after 42 s here. Instead squeue every half second, then check every
# task's state and exit code.
jobid=$(sbatch --parsable --array="0-$((TASKS - 1))" --output="$WORK/out/forlob-%A_%a.out" --chdir="$ROOT" \
  examples/cluster/forlob-array.sbatch) || fail "sbatch refused the job array"
jobid=${jobid%%;*}
for ((i = 0; ; i++)); do
  [ -z "$(squeue -h -j "$jobid" -o %i 2>/dev/null)" ] && break
  ((i < 600)) || fail "job array $jobid still running after 300 s: $(squeue -j "$jobid" 2>&1)"
  sleep 0.5
done
done_tasks=$(scontrol -o show job "$jobid" | grep -c 'JobState=COMPLETED .*ExitCode=0:0' || true)
[ "$done_tasks" = "$TASKS" ] ||
  fail "job array $jobid: $done_tasks of $TASKS tasks completed with exit code 0: $(scontrol -o show job "$jobid" | grep -o 'ArrayTaskId=[^ ]*\|JobState=[^ ]*\|ExitCode=[^ ]*' | paste -sd ' ')"
parts=("$WORK"/out/part-*.json)
[ "${#parts[@]}" = "$TASKS" ] || fail "expected $TASKS parts, found ${#parts[@]}: ${parts[*]}"
say "job array done in $(($(date +%s) - t0)) s: ${#parts[@]} parts"
"${CLI[@]}" merge "${parts[@]}" --out "$WORK/merged.json" || fail "forlob merge refused the parts"
"${CLI[@]}" run "$MODEL" --replicates "$REPLICATES" --seed "$SEED" --format json --quiet --out "$WORK/whole.json" ||
  fail "the whole run failed"
cmp "$WORK/merged.json" "$WORK/whole.json" ||
  fail "the merged job array differs from the whole run (merged.json vs whole.json)"
say "OK: $TASKS Slurm array tasks merged byte-identical to the whole run ($(wc -c <"$WORK/whole.json") bytes, sha256 $(sha256sum "$WORK/whole.json" | cut -c1-16)…) in $(($(date +%s) - start)) s"
