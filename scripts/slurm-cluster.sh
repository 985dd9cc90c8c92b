#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the tests of the Slurm executor: munged,
# slurmctld and slurmd started in the background (no systemd), everything in one folder of its
# own, and stopped by the process ids this script started (never by name).
# Usage: scripts/slurm-cluster.sh start DIR   starts it; prints the SLURM_CONF to export
#        scripts/slurm-cluster.sh stop DIR    stops the daemons it started in DIR
# Needs root (slurmctld runs as SlurmUser=root here) and the Debian packages slurm-wlm and munge.
# Ports: DARWIN_SLURM_PORT (slurmctld; slurmd takes the next one), else the first free pair
# from 16817 up, so that a cluster left over elsewhere does not stand in the way. A requeued job
# waits 10 s (cred_expire) before it starts again, and the scheduler looks at the queue every second.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

free_port() { # whether nothing listens on TCP port $1 on this machine
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop() {
  [ -f "$dir/pids" ] || return 0
  # the daemons, newest first, each by the id this script recorded, then wait for them to go
  tac "$dir/pids" | while read -r pid; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    alive=0
    while read -r pid; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$dir/pids"
    [ $alive = 0 ] && break
    sleep 0.1
  done
  while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$dir/pids"
  rm -f "$dir/pids"
}

start() {
  for tool in munged mungekey slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "slurm-cluster: $tool is not installed (apt-get install slurm-wlm munge)" >&2; exit 3; }
  done
  [ "$(id -u)" = 0 ] || { echo "slurm-cluster: needs root (SlurmUser=root), and this is uid $(id -u)" >&2; exit 3; }
  stop
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  chmod 0755 "$dir" "$dir/munge" # the socket's folder must be reachable by every user
  dir=$(cd "$dir" && pwd)
  [ -f "$dir/munge.key" ] || mungekey -c -k "$dir/munge.key" >/dev/null 2>&1 \
    || dd if=/dev/urandom of="$dir/munge.key" bs=1 count=1024 2>/dev/null
  chmod 0600 "$dir/munge.key"
  : > "$dir/pids"

  port=${DARWIN_SLURM_PORT:-16817}
  while ! free_port "$port" || ! free_port $((port + 1)); do port=$((port + 2)); done

  munged -F --force --socket="$dir/munge/munge.socket.2" --key-file="$dir/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed" \
    >/dev/null 2>&1 &
  echo $! >> "$dir/pids"
  for _ in $(seq 50); do [ -S "$dir/munge/munge.socket.2" ] && break; sleep 0.1; done

  # the node as slurmd sees it: its CPUs and memory
  read -r cpus memory < <(slurmd -C | awk '/^NodeName/ {
      for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "CPUs") c = kv[2]; if (kv[1] == "RealMemory") m = kv[2] }
      print c, m }')
  cat > "$dir/slurm.conf" <<EOF
ClusterName=darwin-test
SlurmctldHost=localhost
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket.2,cred_expire=10
CryptoType=crypto/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -D -f "$SLURM_CONF" >/dev/null 2>&1 &
  echo $! >> "$dir/pids"
  slurmd -D -N localhost -f "$SLURM_CONF" >/dev/null 2>&1 &
  echo $! >> "$dir/pids"
  for _ in $(seq 300); do
    state=$(sinfo -h -o %t 2>/dev/null || true)
    if [ "$state" = idle ]; then
      echo "SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.1
  done
  echo "slurm-cluster: the node did not become idle within 30 s (sinfo says '${state:-nothing}'); logs in $dir/log" >&2
  stop
  exit 4
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
