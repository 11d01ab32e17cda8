#!/bin/bash
# Vireo two-host test lab: two libvirt/QEMU (TCG) "hosts" on one Debian/Ubuntu machine.
#
# Host A (10.203.0.1) and host B (10.203.0.2) are each a network + mount + UTS + cgroup namespace
# running their own sshd and libvirtd, with per-host copies of /etc/libvirt, /var/lib/libvirt, /run,
# /var/log/libvirt, /var/log/swtpm, /var/lib/swtpm-localca, /root/.ssh, /etc/hosts, /etc/passwd, /etc/shadow and /etc/group bind-mounted
# over the system paths. A switch namespace (lab-sw) bridges A, B and the root namespace
# (10.203.0.254, link "lab-root"). There is no default route: lab traffic stays on 10.203.0.0/24
# and loopback. See e2e/lab/README.md.
#
# Usage: lab.sh VERB [ARGS]
#   up                     install missing packages, build the guest, start both hosts in the initial
#                          state, write $LAB_DIR/lab.json and READY (idempotent: a healthy lab is left
#                          as it is; stale state of a killed run is cleaned up first)
#   down                   stop everything `up` started (by pid), remove netns, veths, cgroup dirs
#   purge                  down + remove host state, keys (host keys too), disks and the guest build
#   status                 daemons and guests of each host; exit 0 only if both hosts are healthy
#   reset                  return both hosts to the initial state (seconds), print the time it took
#   verify-clean           exit 1 and list what remains of the lab (after `down`), else exit 0
#   accounts               make sure B's extra SSH test accounts exist (up does it too): vsh-<shell>
#                          with bash/dash/zsh/fish/tcsh as login shell, jump account vjump; see
#                          $LAB_DIR/accounts.json
#   guest-exec HOST DOMAIN CMD   run CMD in DOMAIN's serial-console shell, print its output,
#                          exit with its status (waits up to 60 s for the console shell)
#   wait-banner HOST DOMAIN [SECS]  wait until DOMAIN's console shell is up (its serial log on HOST)
#   libvirtd-stop HOST     stop HOST's libvirtd (SIGTERM; its guests' QEMU processes keep running)
#   libvirtd-start HOST    start HOST's libvirtd again (nothing if it runs) and wait until it answers
#   virsh HOST ARGS...     virsh -c qemu:///system ARGS inside HOST (A|B)
#   exec HOST CMD...       run CMD inside HOST (A|B)
#   client CMD...          run CMD in the root namespace with /root/.ssh replaced by the lab's
#                          client key/config/known_hosts, e.g.
#                          lab.sh client virsh -c qemu+ssh://root@10.203.0.1/system list --all
set -uo pipefail

LAB=$(realpath -m -- "${LAB_DIR:-${VIREO_LAB_DIR:-/tmp/vireo-lab}}")
SELF=$(readlink -f -- "$0")
HERE=$(dirname -- "$SELF")
H=$LAB/hosts
NET=10.203.0
ROOT_IP=$NET.254
HOSTS=(A B)
declare -A IP=([A]=$NET.1 [B]=$NET.2)
declare -A HNAME=([A]=lab-a [B]=lab-b)
declare -A HUUID=([A]=a0a0a0a0-0000-4000-8000-00000000000a [B]=b0b0b0b0-0000-4000-8000-00000000000b)
NETNS_SW=lab-sw
ROOT_LINK=lab-root
ROOT_SSH=$(getent passwd root | cut -d: -f6)/.ssh   # replaced by a bind mount inside the hosts and in `client`
CGROUPS=${LAB_CGROUPS:-1} # 1: per-host cgroup v1 subtree + cgroup namespace (libvirt needs cgroups); 0: none
BANNER="TINYGUEST BANNER"
PW_USER=vireo
# Initial guests (all on host A): name -> disk placement. "shared" = $LAB/shared (both hosts see
# the same path), "local" = A's 'default' pool (/var/lib/libvirt/images inside A).
INITIAL=(tiny tiny-local stopped)
declare -A G_STORE=([tiny]=shared [tiny-local]=local [stopped]=local)
declare -A G_STATE=([tiny]=running [tiny-local]=running [stopped]="shut off")
declare -A G_UUID=([tiny]=7e570000-0000-4000-8000-000000000001 [tiny-local]=7e570000-0000-4000-8000-000000000002 [stopped]=7e570000-0000-4000-8000-000000000003)
declare -A G_MAC=([tiny]=52:54:00:20:00:01 [tiny-local]=52:54:00:20:00:02 [stopped]=52:54:00:20:00:03)
PKGS=(libvirt-daemon-system libvirt-clients libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils
  qemu-block-extra openssh-server openssh-client busybox-static linux-image-amd64 iproute2
  netcat-openbsd expect cpio kmod util-linux perl-base)
# login shells of the extra accounts on B (remote commands must not depend on the login shell)
PKGS+=(zsh fish tcsh)
# wave 2: logical storage pools (lvm2), libvirt virtual networks with DHCP (dnsmasq-base)
PKGS+=(lvm2 dnsmasq-base)
# UEFI guests (OVMF with secure boot) and an emulated TPM (swtpm) for the install wizard
PKGS+=(ovmf swtpm swtpm-tools)

log(){ echo "[lab] $*" >&2; }
die(){ echo "[lab] ERROR: $*" >&2; exit 1; }
now(){ date +%s.%N; }
elapsed(){ awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# ---------------------------------------------------------------------------------------------
# process bookkeeping: a pid file is only trusted if the pid is alive, has the expected command
# name and (when a host is given) lives in that host's network namespace.
netns_ino(){ stat -L -c %i "/run/netns/$1" 2>/dev/null; }
pid_ok(){ # pid comm [host]
  local p=$1 comm=$2 X=${3:-} c
  [[ "$p" =~ ^[0-9]+$ ]] && running "$p" || return 1
  c=$(cat "/proc/$p/comm" 2>/dev/null) || return 1
  [ "$c" = "$comm" ] || return 1
  if [ -n "$X" ]; then
    [ "$(stat -L -c %i "/proc/$p/ns/net" 2>/dev/null)" = "$(netns_ino "lab$X")" ] || return 1
  fi
  return 0
}
alive(){ [ -s "$1" ] && pid_ok "$(head -n1 "$1")" "$2" "${3:-}"; } # pidfile comm [host]
hpid(){ head -n1 "$H/$1/holder.pid"; }
running(){ # pid: alive and not a zombie (an exited daemon stays a zombie until init reaps it)
  local st
  st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}
wait_gone(){ # pid timeout_s: poll until the pid is gone
  local p=$1 t=$2 i
  for ((i = 0; i < t * 20; i++)); do running "$p" || return 0; sleep 0.05; done
  return 1
}
stop_pid(){ # pid label: TERM, wait up to 5 s, KILL
  local p=$1 what=$2 t0 how=TERM
  running "$p" || return 0
  t0=$(now)
  kill "$p" 2>/dev/null
  wait_gone "$p" 5 || { how=KILL; kill -9 "$p" 2>/dev/null; wait_gone "$p" 2; }
  log "stopped $what (pid $p, SIG$how, $(elapsed "$t0")s)"
}
stop_pidfile(){ # pidfile comm host label
  local f=$1 p
  [ -s "$f" ] || { rm -f "$f"; return 0; }
  p=$(head -n1 "$f")
  if pid_ok "$p" "$2" "$3"; then stop_pid "$p" "$4"; fi
  rm -f "$f"
}

in_host(){ # HOST cmd...: run inside the host's namespaces (and its cgroups)
  local X=$1; shift
  alive "$H/$X/holder.pid" sleep "$X" || die "host $X is not running (run: lab.sh up)"
  if [ -s "$H/$X/cgroups.list" ]; then
    sh -c 'while read -r f; do echo $$ > "$f"; done < "$0"; shift; exec "$@"' \
      "$H/$X/cgroups.list" _ nsenter -t "$(hpid "$X")" -m -u -n -C -- "$@" 9>&-
  else
    nsenter -t "$(hpid "$X")" -m -u -n -- "$@" 9>&-
  fi
}
hvirsh(){ local X=$1; shift; in_host "$X" virsh -q -c qemu:///system "$@"; }

# ---------------------------------------------------------------------------------------------
preflight(){
  local id="" like=""
  if [ "$(id -u)" != 0 ]; then echo "lab.sh must run as root (it creates network namespaces and starts libvirtd)." >&2; exit 3; fi
  if [ -r /etc/os-release ]; then id=$(. /etc/os-release; echo "${ID:-}"); like=$(. /etc/os-release; echo "${ID_LIKE:-}"); fi
  if ! [[ " $id $like " =~ [[:space:]](debian|ubuntu)[[:space:]] ]] || ! command -v apt-get >/dev/null; then
    echo "lab.sh needs a Debian or Ubuntu machine with apt-get (found: ${id:-unknown})." >&2; exit 3
  fi
  if ! [ -e /proc/self/ns/net ] || ! [ -e /proc/self/ns/cgroup ] || ! unshare --net --mount --uts true 2>/dev/null; then
    echo "lab.sh needs network, mount, UTS and cgroup namespace support (unshare --net --mount --uts failed)." >&2; exit 3
  fi
}

install_pkgs(){
  local missing=() p
  for p in "${PKGS[@]}"; do [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]} (log: $LAB/install.log)"
  local t0; t0=$(now)
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
    >"$LAB/install.log" 2>&1 || die "apt-get failed, see $LAB/install.log"
  log "packages installed in $(elapsed "$t0")s"
}

# Kernel modules the guest loads at boot (their dependencies come along): disks, NICs, the serial
# console and virtio-serial ports (the guest agent's channel), USB, CD-ROMs, the memory balloon,
# ext2/3/4 (a test can make and mount a file system on a disk the agent then reports).
GUEST_MODS="virtio_pci virtio_blk virtio_net virtio_console virtio_balloon xhci_pci ehci_pci uhci_hcd usbhid hid_generic usb_storage sd_mod sr_mod cdrom ata_piix ext4"

guest_agent_deb(){ # Debian's qemu-guest-agent package, downloaded once into $LAB/debs (never installed): later builds are offline
  local D=$LAB/debs deb
  mkdir -p "$D"
  deb=$(find "$D" -maxdepth 1 -name 'qemu-guest-agent_*.deb' | sort -V | tail -n1)
  if [ -z "$deb" ]; then
    log "downloading qemu-guest-agent (apt-get download, into $D)"
    (cd "$D" && { apt-get download qemu-guest-agent || { apt-get update -q && apt-get download qemu-guest-agent; }; }) \
      >"$LAB/guest-agent.log" 2>&1 || die "apt-get download qemu-guest-agent failed, see $LAB/guest-agent.log"
    deb=$(find "$D" -maxdepth 1 -name 'qemu-guest-agent_*.deb' | sort -V | tail -n1)
    [ -n "$deb" ] || die "apt-get download qemu-guest-agent left no .deb in $D"
  fi
  echo "$deb"
}

guest_recipe(){ # KVER DEB: what the guest build depends on (its hash is the build's stamp)
  { declare -f build_guest guest_agent_into; echo "$GUEST_MODS $1 $(basename "$2")"; sha256sum /bin/busybox "/boot/vmlinuz-$1"; } | sha256sum | cut -d' ' -f1
}

guest_agent_into(){ # ROOT DEB: qemu-ga from the package, its shared libraries (ldd) and the dynamic loader
  local R=$1 deb=$2 X l
  X=$(mktemp -d)
  dpkg-deb -x "$deb" "$X" || die "cannot unpack $deb"
  install -D -m 755 "$X/usr/sbin/qemu-ga" "$R/usr/sbin/qemu-ga"
  if ldd "$X/usr/sbin/qemu-ga" | grep -q 'not found'; then
    die "qemu-ga needs libraries this machine lacks: $(ldd "$X/usr/sbin/qemu-ga" | grep 'not found' | tr -s ' \t' ' ')"
  fi
  for l in $(ldd "$X/usr/sbin/qemu-ga" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
    mkdir -p "$R$(dirname "$l")"; cp -L "$l" "$R$l"
  done
  rm -rf "$X"
}

build_guest(){
  local OUT=$LAB/guest KVER R p rel m a deb stamp
  KVER=$(find /boot -maxdepth 1 -name 'vmlinuz-*' -printf '%f\n' | sed 's/^vmlinuz-//' | sort -V | tail -n1)
  [ -n "$KVER" ] || die "no kernel in /boot (package linux-image-amd64)"
  deb=$(guest_agent_deb) || exit 1
  stamp=$(guest_recipe "$KVER" "$deb")
  # Built and from this recipe (modules, agent, scripts): nothing to do. A changed recipe rebuilds
  # it, so a warm lab picks it up on `up` (running guests keep theirs until they start again).
  [ -s "$OUT/vmlinuz" ] && [ -s "$OUT/initrd.img" ] && [ "$(cat "$OUT/recipe.sha256" 2>/dev/null)" = "$stamp" ] && return 0
  local t0; t0=$(now)
  log "building guest kernel $KVER + busybox initramfs with qemu-ga ($(basename "$deb"))"
  mkdir -p "$OUT"
  R=$(mktemp -d)
  mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,etc,tmp,root,mnt,run,var,"lib/modules/$KVER"}
  ln -s ../run "$R/var/run"
  cp /bin/busybox "$R/bin/busybox"
  for a in $("$R/bin/busybox" --list-full); do [ "$a" = bin/busybox ] || ln -sf /bin/busybox "$R/$a"; done
  for p in $(for m in $GUEST_MODS; do modprobe -S "$KVER" --show-depends "$m" 2>/dev/null | awk '$1=="insmod"{print $2}'; done | sort -u); do
    rel=${p#/lib/modules/"$KVER"/}; mkdir -p "$R/lib/modules/$KVER/$(dirname "$rel")"; cp "$p" "$R/lib/modules/$KVER/$rel"
  done
  for m in modules.dep modules.alias modules.builtin modules.order; do cp "/lib/modules/$KVER/$m" "$R/lib/modules/$KVER/" 2>/dev/null; done
  guest_agent_into "$R" "$deb"
  cat > "$R/etc/inittab" <<'IT'
::sysinit:/etc/rcS
ttyS0::respawn:/bin/console-shell
::ctrlaltdel:/sbin/reboot
IT
  cat > "$R/etc/rcS" <<RC
#!/bin/sh
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs tmpfs /dev/shm
hostname tinyguest
for m in $GUEST_MODS; do modprobe \$m 2>/dev/null; done
echo /sbin/mdev > /proc/sys/kernel/hotplug 2>/dev/null; mdev -s
# hot-plugged devices: the kernel has no uevent helper, so busybox uevent hands its netlink events to mdev
uevent /sbin/mdev >/dev/null 2>&1 &
/sbin/guest-agent
ip link set lo up; for i in /sys/class/net/eth*; do [ -e "\$i" ] && ip link set \${i##*/} up; done
echo "=== $BANNER: booted \$(uname -r) up \$(cut -d' ' -f1 /proc/uptime)s ==="
RC
  chmod +x "$R/etc/rcS"
  # qemu-ga on the virtio-serial port named org.qemu.guest_agent.0 (/dev/vportNpM: mdev makes no
  # /dev/virtio-ports links), at boot and when the port is hot-plugged (mdev runs this on its events)
  cat > "$R/sbin/guest-agent" <<'GA'
#!/bin/sh
[ -s /run/qemu-ga.pid ] && kill -0 "$(cat /run/qemu-ga.pid)" 2>/dev/null && exit 0
for n in /sys/class/virtio-ports/*/name; do
  [ "$(cat "$n" 2>/dev/null)" = org.qemu.guest_agent.0 ] || continue
  d=${n%/name}; d=/dev/${d##*/}
  [ -c "$d" ] || mdev -s
  exec /usr/sbin/qemu-ga -d -m virtio-serial -p "$d" -f /run/qemu-ga.pid -t /run
done
exit 0
GA
  chmod +x "$R/sbin/guest-agent"
  echo 'vport[0-9]+p[0-9]+ 0:0 600 */sbin/guest-agent' > "$R/etc/mdev.conf"
  # what the agent runs for guest-shutdown (busybox has poweroff/halt/reboot but no shutdown)
  cat > "$R/sbin/shutdown" <<'SD'
#!/bin/sh
# qemu-ga waits for this to exit 0: the power-off runs detached, a second later
case "$1" in -r) c=reboot ;; -H) c=halt ;; *) c=poweroff ;; esac
setsid sh -c "sleep 1; $c" </dev/null >/dev/null 2>&1 &
exit 0
SD
  chmod +x "$R/sbin/shutdown"
  # the script Debian's busybox udhcpc runs by default: `udhcpc -i eth0` then configures the address it got
  mkdir -p "$R/etc/udhcpc"
  cat > "$R/etc/udhcpc/default.script" <<'DH'
#!/bin/sh
case "$1" in
  deconfig) ip -4 addr flush dev "$interface" ;;
  bound|renew) ip -4 addr flush dev "$interface"; ip addr add "$ip/${mask:-24}" dev "$interface"
    [ -n "$router" ] && ip route replace default via "${router%% *}" dev "$interface" ;;
esac
exit 0
DH
  chmod +x "$R/etc/udhcpc/default.script"
  printf 'PRETTY_NAME="Vireo tiny guest (busybox)"\nNAME="Vireo tiny guest"\nID=vireo-tiny\nVERSION_ID="1"\nVERSION="1 (busybox initramfs)"\n' > "$R/etc/os-release"
  printf '#!/bin/sh\necho "=== %s: console shell on $(hostname), uptime $(cut -d" " -f1 /proc/uptime)s ==="\nexec /bin/sh -l\n' "$BANNER" > "$R/bin/console-shell"
  chmod +x "$R/bin/console-shell"
  printf '#!/bin/sh\nexec /sbin/init\n' > "$R/init"; chmod +x "$R/init"
  (cd "$R" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$OUT/initrd.img.tmp" && mv "$OUT/initrd.img.tmp" "$OUT/initrd.img"
  cp -f "/boot/vmlinuz-$KVER" "$OUT/vmlinuz"
  echo "$stamp" > "$OUT/recipe.sha256"
  rm -rf "$R"
  log "guest built in $(elapsed "$t0")s ($(du -k "$OUT/initrd.img" | cut -f1) KiB initramfs)"
}

mk_keys(){
  mkdir -p "$LAB/keys" "$LAB/client/ssh" "$LAB/shared" "$LAB/pristine" "$LAB/xml" "$LAB/testdrv"
  [ -s "$LAB/keys/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C vireo-lab-key -f "$LAB/keys/id_ed25519"
  if ! [ -s "$LAB/keys/$PW_USER.password" ]; then
    (umask 077; head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 20 > "$LAB/keys/$PW_USER.password")
  fi
  local X
  for X in "${HOSTS[@]}"; do
    mkdir -p "$H/$X/ssh"
    [ -s "$H/$X/ssh/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C "${HNAME[$X]}" -f "$H/$X/ssh/ssh_host_ed25519_key"
  done
  # known_hosts listing both hosts' keys by IP (and name), used by the client and by the hosts
  { for X in "${HOSTS[@]}"; do
      echo "${IP[$X]},${HNAME[$X]} $(cut -d' ' -f1,2 "$H/$X/ssh/ssh_host_ed25519_key.pub")"
    done; } > "$LAB/known_hosts"
  # client-side ssh config (bound over /root/.ssh by "lab.sh client"; never touches the real one)
  cp -f "$LAB/keys/id_ed25519" "$LAB/keys/id_ed25519.pub" "$LAB/client/ssh/"
  cp -f "$LAB/known_hosts" "$LAB/client/ssh/known_hosts"
  cat > "$LAB/client/ssh/config" <<C
Host $NET.* lab-a lab-b
  User root
  IdentityFile ~/.ssh/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile ~/.ssh/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 10
  ProxyCommand none
  LogLevel ERROR
C
  chmod 700 "$LAB/client/ssh"; chmod 600 "$LAB/client/ssh"/*
}

host_dirs(){ # per-host configuration (rewritten on every up; state dirs kept)
  local X=$1 D=$H/$1
  mkdir -p "$D"/{log,log/qemu,log-swtpm,cache,root-ssh,ssh,etc} "$D/run/sshd" "$D/run/libvirt" "$D/run/lock"
  # swtpm's local CA (a TPM's endorsement certificate is signed there), as swtpm_setup runs it: as tss
  mkdir -p "$D/swtpm-localca"; chmod 750 "$D/swtpm-localca"; ! getent passwd tss >/dev/null || chown tss:root "$D/swtpm-localca"
  chmod 755 "$D/run" "$D/run/sshd"; chmod 1777 "$D/run/lock"
  if [ ! -d "$D/etc-libvirt" ]; then
    cp -a /etc/libvirt "$D/etc-libvirt"
    # no libvirt networks: the default NAT network would add 192.168.122.0/24 and dnsmasq
    rm -f "$D/etc-libvirt/qemu/networks/autostart/"*.xml
  fi
  if [ ! -d "$D/var-lib-libvirt" ]; then
    # the directory skeleton only: the machine's own images/state stay out of the lab
    mkdir -p "$D/var-lib-libvirt"
    (cd /var/lib/libvirt 2>/dev/null && find . -mindepth 1 -type d -print0) | (cd "$D/var-lib-libvirt" && xargs -0 -r mkdir -p)
  fi
  mkdir -p "$D/var-lib-libvirt/images"
  cat > "$D/etc-libvirt/libvirtd.conf" <<C
# Vireo lab host $X (generated by lab.sh)
host_uuid = "${HUUID[$X]}"
listen_tls = 0
listen_tcp = 0
auth_unix_rw = "none"
auth_unix_ro = "none"
unix_sock_group = "root"
unix_sock_ro_perms = "0777"
unix_sock_rw_perms = "0777"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
C
  local cg='#cgroup_controllers: default'; [ "$CGROUPS" = 1 ] || cg='cgroup_controllers = [ ]'
  cat > "$D/etc-libvirt/qemu.conf" <<C
# Vireo lab host $X (generated by lab.sh)
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
$cg
namespaces = [ ]
stdio_handler = "file"
vnc_listen = "127.0.0.1"
spice_listen = "127.0.0.1"
migration_address = "${IP[$X]}"
migration_host = "${IP[$X]}"
C
  printf '127.0.0.1 localhost\n%s %s\n%s %s\n' "${IP[A]}" "${HNAME[A]}" "${IP[B]}" "${HNAME[B]}" > "$D/etc/hosts"
  # root's ~/.ssh inside the host: lab key (login + p2p migration to the other host)
  cp -f "$LAB/keys/id_ed25519" "$LAB/keys/id_ed25519.pub" "$LAB/known_hosts" "$D/root-ssh/"
  cp -f "$LAB/keys/id_ed25519.pub" "$D/root-ssh/authorized_keys"
  cp -f "$LAB/client/ssh/config" "$D/root-ssh/config"
  chmod 700 "$D/root-ssh"; chmod 600 "$D/root-ssh"/*
  # per-host account database (the password user exists only inside host A)
  cp -f /etc/passwd "$D/etc/passwd"; cp -f /etc/group "$D/etc/group"; cp -f /etc/shadow "$D/etc/shadow"
  chmod 644 "$D/etc/passwd" "$D/etc/group"; chmod 640 "$D/etc/shadow"
  local match=""
  if [ "$X" = A ]; then
    local uid=2001 hash salt
    while getent passwd "$uid" >/dev/null || getent group "$uid" >/dev/null; do uid=$((uid + 1)); done
    salt=$(head -c 12 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 12)
    hash=$(PW=$(cat "$LAB/keys/$PW_USER.password") SALT="$salt" perl -e 'print crypt($ENV{PW}, "\$6\$$ENV{SALT}\$")')
    [[ "$hash" == '$6$'* ]] || die "could not hash the $PW_USER password"
    mkdir -p "$D/home-$PW_USER"; chown "$uid:$uid" "$D/home-$PW_USER"; chmod 700 "$D/home-$PW_USER"
    echo "$PW_USER:x:$uid:$uid:Vireo lab password user:$D/home-$PW_USER:/bin/bash" >> "$D/etc/passwd"
    echo "$PW_USER:x:$uid:" >> "$D/etc/group"
    echo "$PW_USER:$hash:19000:0:99999:7:::" >> "$D/etc/shadow"
    match=$(printf 'Match User %s\n  PasswordAuthentication yes\n' "$PW_USER")
  fi
  cat > "$D/ssh/sshd_config" <<C
# Vireo lab host $X (generated by lab.sh)
Port 22
ListenAddress ${IP[$X]}
ListenAddress 127.0.0.1
HostKey $D/ssh/ssh_host_ed25519_key
PidFile $D/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile .ssh/authorized_keys
UsePAM no
StrictModes no
PrintMotd no
AllowTcpForwarding yes
Subsystem sftp /usr/lib/openssh/sftp-server
$match
C
}

# ---------------------------------------------------------------------------------------------
# Extra accounts on host B, for the SSH tests: vsh-<shell> (lab key; login shells bash, dash, zsh,
# fish, tcsh) and a jump host account vjump (password only, its own password). Idempotent, and
# works on a running lab too (`lab.sh accounts`): the passwd/shadow copies are appended in place
# (bind-mounted files keep their inode) and sshd re-reads its config (SIGHUP) when it changed.
# $LAB/accounts.json describes them.
EXTRA_HOST=B
SHELL_USERS=(bash:/bin/bash dash:/bin/dash zsh:/usr/bin/zsh fish:/usr/bin/fish tcsh:/usr/bin/tcsh)
JUMP_USER=vjump
# The host's own /etc/{hosts,passwd,group,shadow} are bind mounts of $H/X/etc/*. When the machine's
# own file is replaced by a rename (adduser, an apt install that adds a system user), the kernel
# detaches every mount on it, also in the hosts' namespaces: the host then sees the machine's file
# (no lab accounts). Mount them again where that happened.
rebind_etc(){ # HOST
  local X=$1 D=$H/$1 f
  alive "$D/holder.pid" sleep "$X" || return 0
  for f in hosts passwd group shadow; do
    [ -e "$D/etc/$f" ] || continue
    if [ "$(nsenter -t "$(hpid "$X")" -m stat -c %i "/etc/$f" 2>/dev/null)" != "$(stat -c %i "$D/etc/$f")" ]; then
      nsenter -t "$(hpid "$X")" -m mount --bind "$D/etc/$f" "/etc/$f" && log "host $X: /etc/$f mounted again (the machine's own file was replaced)"
    fi
  done
}

extra_accounts(){ # HOST
  local X=$1 D=$H/$1 e name sh uid home hash salt changed=0
  [ "$X" = "$EXTRA_HOST" ] || return 0
  [ -s "$D/etc/passwd" ] && [ -s "$D/ssh/sshd_config" ] || die "host $X has no account files yet (run: lab.sh up)"
  if ! [ -s "$LAB/keys/$JUMP_USER.password" ]; then
    (umask 077; head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 20 > "$LAB/keys/$JUMP_USER.password")
  fi
  for e in "${SHELL_USERS[@]}" "jump:/bin/bash"; do
    sh=${e#*:}
    if [ "${e%%:*}" = jump ]; then name=$JUMP_USER; else name=vsh-${e%%:*}; fi
    [ -x "$sh" ] || die "no $sh for $name (package missing? run: lab.sh up)"
    home=$D/home-$name
    if ! grep -q "^$name:" "$D/etc/passwd"; then
      uid=2101
      while getent passwd "$uid" >/dev/null || getent group "$uid" >/dev/null || cut -d: -f3 "$D/etc/passwd" | grep -qx "$uid"; do uid=$((uid + 1)); done
      if [ "$name" = "$JUMP_USER" ]; then
        salt=$(head -c 12 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 12)
        hash=$(PW=$(cat "$LAB/keys/$JUMP_USER.password") SALT="$salt" perl -e 'print crypt($ENV{PW}, "\$6\$$ENV{SALT}\$")')
        [[ "$hash" == '$6$'* ]] || die "could not hash the $JUMP_USER password"
      else
        hash='*'
      fi
      echo "$name:x:$uid:$uid:Vireo lab $name:$home:$sh" >> "$D/etc/passwd"
      echo "$name:x:$uid:" >> "$D/etc/group"
      echo "$name:$hash:19000:0:99999:7:::" >> "$D/etc/shadow"
    fi
    uid=$(grep "^$name:" "$D/etc/passwd" | cut -d: -f3)
    mkdir -p "$home/.ssh"
    [ "$name" = "$JUMP_USER" ] || cp -f "$LAB/keys/id_ed25519.pub" "$home/.ssh/authorized_keys"
    chown -R "$uid:$uid" "$home"; chmod 700 "$home" "$home/.ssh"
  done
  if ! grep -q "^Match User $JUMP_USER\$" "$D/ssh/sshd_config"; then
    printf '\n# jump host account (lab.sh extra_accounts)\nMatch User %s\n  PasswordAuthentication yes\n' "$JUMP_USER" >> "$D/ssh/sshd_config"
    changed=1
  fi
  if [ "$changed" = 1 ] && alive "$D/sshd.pid" sshd "$X"; then
    kill -HUP "$(head -n1 "$D/sshd.pid")"
    local i; for ((i = 0; i < 50; i++)); do in_host "$X" bash -c 'exec 3<>/dev/tcp/127.0.0.1/22' 2>/dev/null && break; sleep 0.1; done
    log "sshd on $X reloaded (extra accounts)"
  fi
  write_accounts_json
}
write_accounts_json(){
  local e first=1 out=$LAB/accounts.json.tmp
  {
    printf '{\n  "host": "%s", "address": "%s", "keyPath": %s,\n  "shells": {' "$EXTRA_HOST" "${IP[$EXTRA_HOST]}" "$(json_str "$LAB/keys/id_ed25519")"
    for e in "${SHELL_USERS[@]}"; do
      [ $first = 1 ] || printf ','; first=0
      printf '\n    "%s": {"user": "vsh-%s", "shell": "%s"}' "${e%%:*}" "${e%%:*}" "${e#*:}"
    done
    printf '\n  },\n  "jump": {"user": "%s", "password": %s}\n}\n' "$JUMP_USER" "$(json_str "$(cat "$LAB/keys/$JUMP_USER.password")")"
  } > "$out" && mv "$out" "$LAB/accounts.json"
}

# ---------------------------------------------------------------------------------------------
no_ipv6(){ # NETNS: no IPv6 at all in it (no link-local chatter, no router solicitations)
  ip netns exec "$1" sh -c 'for f in /proc/sys/net/ipv6/conf/all/disable_ipv6 /proc/sys/net/ipv6/conf/default/disable_ipv6; do [ -w "$f" ] && echo 1 > "$f"; done; true'
}
net_up(){
  ip netns add "$NETNS_SW" || die "cannot create netns $NETNS_SW"
  no_ipv6 "$NETNS_SW"
  ip -n "$NETNS_SW" link set lo up
  ip -n "$NETNS_SW" link add br0 type bridge
  ip -n "$NETNS_SW" link set br0 up
  local X
  for X in "${HOSTS[@]}"; do
    ip netns add "lab$X" || die "cannot create netns lab$X"
    no_ipv6 "lab$X"
    ip -n "lab$X" link set lo up
    ip link add "sw-$X" netns "$NETNS_SW" type veth peer name eth0 netns "lab$X"
    ip -n "$NETNS_SW" link set "sw-$X" master br0 up
    ip -n "lab$X" addr add "${IP[$X]}/24" dev eth0
    ip -n "lab$X" link set eth0 up
    # isolated bridge for guest NICs (no uplink, no address)
    ip -n "lab$X" link add labbr0 type bridge
    ip -n "lab$X" link set labbr0 up
  done
  ip link add "$ROOT_LINK" type veth peer name sw-root netns "$NETNS_SW"
  [ -w "/proc/sys/net/ipv6/conf/$ROOT_LINK/disable_ipv6" ] && echo 1 > "/proc/sys/net/ipv6/conf/$ROOT_LINK/disable_ipv6"
  ip -n "$NETNS_SW" link set sw-root master br0 up
  ip addr add "$ROOT_IP/24" dev "$ROOT_LINK"
  ip link set "$ROOT_LINK" up
  { netns_ino "$NETNS_SW"; for X in "${HOSTS[@]}"; do netns_ino "lab$X"; done; } >> "$LAB/netns.inodes"
}

cg_dirs(){ # HOST: "controller:dir" per cgroup v1 hierarchy, under the cgroups this script runs in
  local X=$1 id ctrl path mnt
  while IFS=: read -r id ctrl path; do
    [ -z "$ctrl" ] && continue
    mnt=/sys/fs/cgroup/${ctrl#name=}
    [ -d "$mnt" ] && echo "$ctrl:$mnt${path%/}/lab-$X"
  done < /proc/self/cgroup
}

holder_up(){ # HOST: the process that holds the host's mount/UTS/cgroup namespaces
  local X=$1 D=$H/$1 e c d o cgmount="" i
  rm -f "$D/holder.pid" "$D/cgroups.list"
  if [ "$CGROUPS" = 1 ]; then
    : > "$D/cgroups.list"
    for e in $(cg_dirs "$X"); do
      c=${e%%:*}; d=${e#*:}
      mkdir -p "$d" || continue
      echo "$d" >> "$LAB/cgroups.created"
      if [ "$c" = cpuset ]; then cat "$(dirname "$d")/cpuset.cpus" > "$d/cpuset.cpus"; cat "$(dirname "$d")/cpuset.mems" > "$d/cpuset.mems"; fi
      echo "$d/cgroup.procs" >> "$D/cgroups.list"
      if [ "$c" = name=systemd ]; then o=none,name=systemd; else o=$c; fi
      cgmount+="mkdir -p /sys/fs/cgroup/${c#name=}; mount -t cgroup -o $o cgroup /sys/fs/cgroup/${c#name=}"$'\n'
    done
    sort -u -o "$LAB/cgroups.created" "$LAB/cgroups.created"
    [ -n "$cgmount" ] && cgmount="mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup"$'\n'"$cgmount"
  fi
  cat > "$D/holder.sh" <<S
#!/bin/sh
# runs inside netns lab$X, in a new mount+UTS+cgroup namespace (generated by lab.sh)
set -e
hostname ${HNAME[$X]}
$cgmount
mount --bind '$D/etc-libvirt' /etc/libvirt
mount --bind '$D/var-lib-libvirt' /var/lib/libvirt
mount --bind '$D/run' /run
mount --bind '$D/log' /var/log/libvirt
# swtpm (a UEFI guest's emulated TPM) logs and signs its certificates here: each host its own, nothing on the machine
[ ! -d /var/log/swtpm ] || mount --bind '$D/log-swtpm' /var/log/swtpm
[ ! -d /var/lib/swtpm-localca ] || mount --bind '$D/swtpm-localca' /var/lib/swtpm-localca
mkdir -p /var/cache/libvirt; mount --bind '$D/cache' /var/cache/libvirt
mount --bind '$D/root-ssh' '$ROOT_SSH'
mount --bind '$D/etc/hosts' /etc/hosts
mount --bind '$D/etc/passwd' /etc/passwd
mount --bind '$D/etc/group' /etc/group
mount --bind '$D/etc/shadow' /etc/shadow
echo \$\$ > '$D/holder.pid'
exec sleep infinity
S
  local join='[ -s "$0" ] && while read -r f; do echo $$ > "$f"; done < "$0"; shift; exec "$@"'
  setsid sh -c "$join" "$D/cgroups.list" _ ip netns exec "lab$X" \
    unshare --mount --uts --cgroup --propagation private -- /bin/sh "$D/holder.sh" </dev/null >"$D/holder.log" 2>&1 9>&- &
  for ((i = 0; i < 100; i++)); do alive "$D/holder.pid" sleep "$X" && return 0; sleep 0.05; done
  die "host $X namespace holder failed: $(cat "$D/holder.log")"
}

libvirtd_up(){ # HOST: start the host's libvirtd unless it runs; wait until it answers
  local X=$1 D=$H/$1 i
  if ! alive "$D/libvirtd.pid" libvirtd "$X"; then
    in_host "$X" /usr/sbin/libvirtd -d --pid-file "$D/libvirtd.pid" || die "libvirtd on $X failed"
  fi
  for ((i = 0; i < 300; i++)); do
    [ -S "$D/run/libvirt/libvirt-sock" ] && alive "$D/libvirtd.pid" libvirtd "$X" && break
    sleep 0.1
  done
  for ((i = 0; i < 100; i++)); do hvirsh "$X" uri >/dev/null 2>&1 && break; sleep 0.1; done
  hvirsh "$X" uri >/dev/null || die "libvirtd on $X not answering (see $D/log/libvirtd.log)"
}

daemons_up(){
  local X=$1 D=$H/$1 i
  in_host "$X" /usr/sbin/sshd -f "$D/ssh/sshd_config" -E "$D/sshd.log" || die "sshd on $X failed: $(tail -n3 "$D/sshd.log")"
  libvirtd_up "$X"
  for ((i = 0; i < 50; i++)); do alive "$D/sshd.pid" sshd "$X" && break; sleep 0.1; done
  alive "$D/sshd.pid" sshd "$X" || die "sshd on $X did not start (see $D/sshd.log)"
  # 'default' dir pool over /var/lib/libvirt/images (copy-storage migration pre-creates targets there)
  if ! hvirsh "$X" pool-info default >/dev/null 2>&1; then
    hvirsh "$X" pool-define-as default dir --target /var/lib/libvirt/images >/dev/null
    hvirsh "$X" pool-autostart default >/dev/null
  fi
  [[ "$(hvirsh "$X" pool-info default 2>/dev/null)" == *State:*running* ]] || hvirsh "$X" pool-start default >/dev/null
}

host_healthy(){ # HOST
  local D=$H/$1
  alive "$D/holder.pid" sleep "$1" && alive "$D/sshd.pid" sshd "$1" && alive "$D/libvirtd.pid" libvirtd "$1" \
    && [ -S "$D/run/libvirt/libvirt-sock" ]
}
lab_healthy(){
  ip link show "$ROOT_LINK" >/dev/null 2>&1 || return 1
  local X; for X in "${HOSTS[@]}"; do host_healthy "$X" || return 1; done
}

# ---------------------------------------------------------------------------------------------
# test driver files (libvirt's test:// driver, served by each libvirtd to remote clients)
write_testdrv(){
  local T=$LAB/testdrv i
  mkdir -p "$T"
  cat > "$T/usb.xml.tmp" <<'X'
<node>
  <!-- Vireo lab: USB node devices for the passthrough picker (libvirt test driver) -->
  <device>
    <name>computer</name>
    <capability type='system'>
      <hardware><vendor>Vireo Lab</vendor><version>1</version><serial>1</serial><uuid>11111111-2222-3333-4444-555555555555</uuid></hardware>
      <firmware><vendor>Vireo Lab</vendor><version>1</version><release_date>01/01/2024</release_date></firmware>
    </capability>
  </device>
  <device>
    <name>usb_usb1</name>
    <path>/sys/devices/pci0000:00/0000:00:14.0/usb1</path>
    <parent>computer</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>1</device>
      <product id='0x0002'>2.0 root hub</product>
      <vendor id='0x1d6b'>Linux Foundation</vendor>
    </capability>
  </device>
  <device>
    <name>usb_1_2</name>
    <path>/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2</path>
    <parent>usb_usb1</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>2</device>
      <product id='0x5678'>Lab Flash Stick</product>
      <vendor id='0x1234'>Lab Vendor</vendor>
    </capability>
  </device>
  <device>
    <name>usb_1_3</name>
    <path>/sys/devices/pci0000:00/0000:00:14.0/usb1/1-3</path>
    <parent>usb_usb1</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>3</device>
      <product id='0x5678'>Lab Flash Stick</product>
      <vendor id='0x1234'>Lab Vendor</vendor>
    </capability>
  </device>
  <device>
    <name>usb_1_4</name>
    <path>/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4</path>
    <parent>usb_usb1</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>4</device>
      <product id='0x0001'>Lab Mouse</product>
      <vendor id='0x1234'>Lab Vendor</vendor>
    </capability>
  </device>
  <device>
    <name>usb_1_5</name>
    <path>/sys/devices/pci0000:00/0000:00:14.0/usb1/1-5</path>
    <parent>usb_usb1</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>5</device>
      <product id='0x2101'>Lab Smartcard Reader</product>
      <vendor id='0x0bda'>Lab Realtek</vendor>
    </capability>
  </device>
  <domain type='test'>
    <name>usbvm</name>
    <uuid>7e570000-0000-4000-8000-0000000000f1</uuid>
    <memory>131072</memory>
    <vcpu>1</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <devices><disk type='file' device='disk'><source file='/x.img'/><target dev='vda' bus='virtio'/></disk></devices>
  </domain>
</node>
X
  mv "$T/usb.xml.tmp" "$T/usb.xml"
  local n
  for n in 1000 5000; do
    [ -s "$T/dom$n.xml" ] && continue
    {
      echo "<node>"
      echo "  <!-- Vireo lab: $n running domains for the list/stats benchmarks (libvirt test driver) -->"
      for ((i = 1; i <= n; i++)); do
        printf "  <domain type='test'><name>bench-%04d</name><uuid>be000000-0000-4000-8000-%012d</uuid><memory>131072</memory><currentMemory>131072</currentMemory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>\n" "$i" "$i"
      done
      echo "</node>"
    } > "$T/dom$n.xml.tmp" && mv "$T/dom$n.xml.tmp" "$T/dom$n.xml"
  done
}

# ---------------------------------------------------------------------------------------------
# initial guests
g_disk(){ # NAME: path of its disk as seen inside host A
  if [ "${G_STORE[$1]}" = shared ]; then echo "$LAB/shared/$1.qcow2"; else echo "/var/lib/libvirt/images/$1.qcow2"; fi
}
g_disk_outside(){ # NAME: the same file as seen from the root namespace
  if [ "${G_STORE[$1]}" = shared ]; then echo "$LAB/shared/$1.qcow2"; else echo "$H/A/var-lib-libvirt/images/$1.qcow2"; fi
}
ensure_pristine(){ # NAME: the pristine copy of its (small, empty) qcow2 disk
  mkdir -p "$LAB/pristine"
  [ -s "$LAB/pristine/$1.qcow2" ] || qemu-img create -q -f qcow2 "$LAB/pristine/$1.qcow2" 64M || die "qemu-img create failed"
}
# tiny has the QEMU guest agent's channel (the initramfs starts qemu-ga on it); the others have none
declare -A G_AGENT=([tiny]=1)
write_guest_xml(){ # NAME: $LAB/xml/NAME.xml; when it changed, NAME.fp goes, so the next reset redefines the guest
  local N=$1 F=$LAB/xml/$1.xml agent=""
  [ -n "${G_AGENT[$N]:-}" ] && agent="
    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"
  cat > "$F.tmp" <<X
<domain type='qemu'>
  <name>$N</name>
  <uuid>${G_UUID[$N]}</uuid>
  <description>Vireo lab initial guest (lab.sh)</description>
  <memory unit='MiB'>192</memory>
  <currentMemory unit='MiB'>192</currentMemory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$LAB/guest/vmlinuz</kernel>
    <initrd>$LAB/guest/initrd.img</initrd>
    <cmdline>console=ttyS0 quiet panic=-1</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='$(g_disk "$N")'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <controller type='usb' model='qemu-xhci'/>
    <interface type='bridge'>
      <source bridge='labbr0'/>
      <mac address='${G_MAC[$N]}'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <log file='/var/log/libvirt/qemu/$N-serial.log' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'><target type='serial' port='0'/></console>$agent
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <memballoon model='none'/>
  </devices>
</domain>
X
  if cmp -s "$F.tmp" "$F"; then rm -f "$F.tmp"; else mv "$F.tmp" "$F" && rm -f "$LAB/xml/$N.fp"; fi
}

dom_state(){ hvirsh "$1" domstate "$2" 2>/dev/null | sed -n 1p; } # HOST NAME -> "running", "shut off", ... or ""
# normalised persistent definition (what `reset` compares against the one it defined)
dom_fingerprint(){ hvirsh "$1" dumpxml --inactive "$2" 2>/dev/null | grep -v -e '<seclabel' -e '</seclabel' -e '<label>' -e '<imagelabel>' | sha256sum | cut -d' ' -f1; }

undefine_all(){ # HOST NAME: destroy + undefine (keeps disks)
  local X=$1 N=$2 st
  st=$(dom_state "$X" "$N")
  case "$st" in running|paused|"in shutdown"|pmsuspended|blocked) hvirsh "$X" destroy "$N" >/dev/null 2>&1 ;; esac
  hvirsh "$X" undefine "$N" --managed-save --snapshots-metadata --checkpoints-metadata --nvram >/dev/null 2>&1 \
    || hvirsh "$X" undefine "$N" >/dev/null 2>&1 || true
  log "host $X: removed domain $N${st:+ (was $st)}"
}

reset_lab(){
  local t0 X N st want fp changed started=()
  t0=$(now)
  # 1. host B: no guests, no volumes, only the 'default' pool
  # By UUID: names may hold spaces, quotes or newlines (tests define such VMs on purpose).
  for N in $(hvirsh B list --all --uuid); do undefine_all B "$N"; done
  for N in $(hvirsh B pool-list --all --name); do
    [ "$N" = default ] && continue
    hvirsh B pool-destroy "$N" >/dev/null 2>&1; hvirsh B pool-undefine "$N" >/dev/null 2>&1; log "host B: removed pool $N"
  done
  hvirsh B pool-refresh default >/dev/null 2>&1
  for N in $(hvirsh B vol-list default 2>/dev/null | awk 'NF{print $1}'); do
    hvirsh B vol-delete --pool default "$N" >/dev/null && log "host B: deleted volume $N"
  done
  # 2. host A: remove domains and pools that are not part of the initial state
  for N in $(hvirsh A list --all --uuid); do
    [[ " ${INITIAL[*]} " == *" $(hvirsh A domname "$N" 2>/dev/null | head -n 1) "* ]] || undefine_all A "$N"
  done
  for N in $(hvirsh A pool-list --all --name); do
    [ "$N" = default ] && continue
    hvirsh A pool-destroy "$N" >/dev/null 2>&1; hvirsh A pool-undefine "$N" >/dev/null 2>&1; log "host A: removed pool $N"
  done
  # 3. host A: initial guests, defined as written, disks restored when the domain was replaced
  for N in "${INITIAL[@]}"; do
    changed=0
    [ -s "$LAB/xml/$N.xml" ] || write_guest_xml "$N"
    ensure_pristine "$N"
    if hvirsh A dominfo "$N" >/dev/null 2>&1; then
      fp=$(dom_fingerprint A "$N")
      if [ "$fp" != "$(cat "$LAB/xml/$N.fp" 2>/dev/null)" ]; then
        log "host A: $N differs from its initial definition, redefining"
        undefine_all A "$N"; changed=1
      fi
    else
      changed=1
    fi
    if [ "$changed" = 1 ] || ! [ -s "$(g_disk_outside "$N")" ]; then
      cp --sparse=always -f "$LAB/pristine/$N.qcow2" "$(g_disk_outside "$N")" || die "cannot restore disk of $N"
      log "host A: restored pristine disk of $N"
    fi
    if [ "$changed" = 1 ]; then
      hvirsh A define "$LAB/xml/$N.xml" >/dev/null || die "cannot define $N on A"
      dom_fingerprint A "$N" > "$LAB/xml/$N.fp"
      log "host A: defined $N"
    fi
    st=$(dom_state A "$N"); want=${G_STATE[$N]}
    if [ "$st" != "$want" ]; then
      if [ "$want" = running ]; then
        case "$st" in
          paused) hvirsh A resume "$N" >/dev/null ;;
          *) [ "$st" = "shut off" ] || hvirsh A destroy "$N" >/dev/null 2>&1
             hvirsh A start "$N" >/dev/null && started+=("$N") ;;
        esac
      else
        hvirsh A destroy "$N" >/dev/null 2>&1
      fi
      log "host A: $N ${st:-missing} -> $(dom_state A "$N")"
    fi
  done
  # 4. host A: only the initial guests' volumes in 'default'
  hvirsh A pool-refresh default >/dev/null 2>&1
  local keep=" "
  for N in "${INITIAL[@]}"; do [ "${G_STORE[$N]}" = local ] && keep+="$N.qcow2 "; done
  for N in $(hvirsh A vol-list default 2>/dev/null | awk 'NF{print $1}'); do
    [[ "$keep" == *" $N "* ]] && continue
    hvirsh A vol-delete --pool default "$N" >/dev/null && log "host A: deleted volume $N"
  done
  # 5. guests that were (re)started: wait for their console shell (they boot in parallel)
  for N in "${started[@]}"; do wait_banner A "$N" 120 || die "guest $N did not boot"; done
  log "reset done in $(elapsed "$t0")s${started[*]:+ (booted: ${started[*]})}"
}

wait_banner(){ # HOST NAME [timeout_s]: poll the guest's serial log until its console shell is up
  local X=$1 N=$2 t=${3:-60} i f=$H/$1/log/qemu/$2-serial.log
  for ((i = 0; i < t * 10; i++)); do
    grep -aq "$BANNER: console shell" "$f" 2>/dev/null && return 0
    sleep 0.1
  done
  log "no banner from $N on $X within ${t}s ($f)"; return 1
}

# ---------------------------------------------------------------------------------------------
json_str(){ local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
write_lab_json(){
  local X first=1 N out=$LAB/lab.json.tmp
  {
    printf '{\n  "version": 1,\n  "dir": %s,\n  "rootIp": %s,\n  "network": "%s.0/24",\n' "$(json_str "$LAB")" "$(json_str "$ROOT_IP")" "$NET"
    printf '  "knownHosts": %s,\n  "labScript": %s,\n  "clientSshDir": %s,\n' "$(json_str "$LAB/known_hosts")" "$(json_str "$SELF")" "$(json_str "$LAB/client/ssh")"
    printf '  "hosts": [\n'
    for X in "${HOSTS[@]}"; do
      [ $first = 1 ] || printf ',\n'; first=0
      printf '    {"id": "%s", "name": "%s", "address": "%s", "port": 22, "user": "root", "keyPath": %s,\n' "$X" "${HNAME[$X]}" "${IP[$X]}" "$(json_str "$LAB/keys/id_ed25519")"
      printf '     "hostKey": %s, "fingerprint": %s,\n' "$(json_str "$(cut -d' ' -f1,2 "$H/$X/ssh/ssh_host_ed25519_key.pub")")" \
        "$(json_str "$(ssh-keygen -l -E sha256 -f "$H/$X/ssh/ssh_host_ed25519_key.pub" | awk '{print $2}')")"
      printf '     "uri": "qemu:///system", "sshUri": "qemu+ssh://root@%s/system", "hostUuid": "%s",\n' "${IP[$X]}" "${HUUID[$X]}"
      printf '     "testUris": {"usb": %s, "dom1000": %s, "dom5000": %s}' "$(json_str "test://$LAB/testdrv/usb.xml")" "$(json_str "test://$LAB/testdrv/dom1000.xml")" "$(json_str "test://$LAB/testdrv/dom5000.xml")"
      if [ "$X" = A ]; then
        printf ',\n     "password": {"user": "%s", "password": %s}' "$PW_USER" "$(json_str "$(cat "$LAB/keys/$PW_USER.password")")"
      fi
      printf '}'
    done
    printf '\n  ],\n  "guests": {\n'
    first=1
    for N in "${INITIAL[@]}"; do
      [ $first = 1 ] || printf ',\n'; first=0
      printf '    "%s": {"host": "A", "disk": %s, "storage": "%s", "pool": %s, "state": "%s", "uuid": "%s", "mac": "%s", "banner": "%s", "serialLog": %s}' \
        "$N" "$(json_str "$(g_disk "$N")")" "${G_STORE[$N]}" "$([ "${G_STORE[$N]}" = local ] && echo '"default"' || echo null)" \
        "${G_STATE[$N]}" "${G_UUID[$N]}" "${G_MAC[$N]}" "$BANNER" "$(json_str "/var/log/libvirt/qemu/$N-serial.log")"
    done
    printf '\n  }\n}\n'
  } > "$out" && mv "$out" "$LAB/lab.json"
}

# ---------------------------------------------------------------------------------------------
up(){
  local t0 X fresh=0; t0=$(now)
  preflight
  mkdir -p "$LAB" "$H"
  mm_record
  install_pkgs
  build_guest
  if lab_healthy; then
    log "lab already running in $LAB (domains left as they are; 'lab.sh reset' restores the initial state)"
  else
    fresh=1
    rm -f "$LAB/READY"
    teardown quiet   # whatever a previous (killed) run left: processes, netns, links, cgroups, sockets
    if [ "$CGROUPS" = 1 ] && [ -z "$(cg_dirs A)" ]; then
      log "no cgroup v1 hierarchies on this machine: libvirt runs without cgroups (no CPU/blkio tuning)"
      CGROUPS=0
    fi
    mk_keys
    [ -d "$ROOT_SSH" ] || { mkdir -p "$ROOT_SSH" && chmod 700 "$ROOT_SSH"; }
    for X in "${HOSTS[@]}"; do host_dirs "$X"; extra_accounts "$X"; done
    write_testdrv
    net_up
    for X in "${HOSTS[@]}"; do holder_up "$X"; daemons_up "$X"; done
    log "hosts up: A ${IP[A]}, B ${IP[B]} (root namespace ${ROOT_IP})"
  fi
  mk_keys   # cheap; keeps known_hosts and the client config current
  for X in "${HOSTS[@]}"; do rebind_etc "$X"; extra_accounts "$X"; done   # a lab started before they existed gets them
  write_testdrv
  for X in "${INITIAL[@]}"; do write_guest_xml "$X"; ensure_pristine "$X"; done
  [ "$fresh" = 1 ] && reset_lab
  write_lab_json
  touch "$LAB/READY"
  log "up done in $(elapsed "$t0")s; lab.json: $LAB/lab.json"
}

teardown(){ # [quiet]: stop everything the lab started, by pid file, then whatever is left in its namespaces
  local X D f p ino
  for X in "${HOSTS[@]}"; do
    D=$H/$X
    # libvirtd first (it leaves running guests alone when it stops), then each QEMU by the pid
    # file libvirt wrote under this host's /run: faster than a serial `virsh destroy` per guest
    stop_pidfile "$D/libvirtd.pid" libvirtd "$X" "libvirtd on $X"
    for f in "$D"/run/libvirt/qemu/*.pid; do
      [ -e "$f" ] || continue
      stop_pidfile "$f" qemu-system-x86 "$X" "qemu $(basename "$f" .pid) on $X"
    done
    stop_pidfile "$D/sshd.pid" sshd "$X" "sshd on $X"
    stop_pidfile "$D/holder.pid" sleep "$X" "namespace holder of $X"
  done
  # anything else in the lab's network namespaces was started there by the lab (ssh sessions,
  # virt-ssh-helper, nc, console clients, a previous run's orphans)
  local pids=()
  for X in labA labB "$NETNS_SW"; do
    [ -e "/run/netns/$X" ] || continue
    for p in $(ip netns pids "$X" 2>/dev/null); do pids+=("$p"); done
  done
  if [ -s "$LAB/netns.inodes" ]; then
    for p in $(leftover_netns_pids); do pids+=("$p"); done
  fi
  for p in $(printf '%s\n' "${pids[@]}" | sort -un); do
    [ "$p" = $$ ] && continue
    kill "$p" 2>/dev/null && log "stopping leftover pid $p ($(cat "/proc/$p/comm" 2>/dev/null))"
  done
  for p in $(printf '%s\n' "${pids[@]}" | sort -un); do wait_gone "$p" 5 || kill -9 "$p" 2>/dev/null; done
  ip link del "$ROOT_LINK" 2>/dev/null && log "deleted link $ROOT_LINK"
  for X in labA labB "$NETNS_SW"; do
    if [ -e "/run/netns/$X" ]; then ip netns del "$X" 2>/dev/null && log "deleted netns $X"; fi
  done
  rm -f "$LAB/netns.inodes"
  # cgroup dirs (libvirt's machine/ subtree included), deepest first
  if [ -s "$LAB/cgroups.created" ]; then
    while read -r d; do
      [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
      [ -d "$d" ] && log "could not remove cgroup $d"
    done < "$LAB/cgroups.created"
    rm -f "$LAB/cgroups.created"
  fi
  for X in "${HOSTS[@]}"; do
    D=$H/$X
    rm -f "$D/cgroups.list" "$D/holder.pid" "$D/sshd.pid" "$D/libvirtd.pid"
    [ -d "$D/run" ] && rm -rf "${D:?}/run"
  done
  # loop devices on files under the lab dir (the disks of logical-pool tests): their volume
  # groups deactivated first, then detached
  for p in $(lab_loops); do
    if command -v pvs >/dev/null; then
      for f in $(pvs --noheadings -o vg_name "$p" 2>/dev/null); do vgchange -an "$f" >/dev/null 2>&1; done
    fi
    losetup -d "$p" 2>/dev/null && log "detached loop device $p"
  done
  [ "${1:-}" = quiet ] || log "lab is down"
}

lab_loops(){ # loop devices whose backing file is under $LAB
  losetup -l -n -O NAME,BACK-FILE 2>/dev/null | awk -v d="$LAB/" 'index($2, d) == 1 { print $1 }'
}

leftover_netns_pids(){ # processes whose netns is one the lab created (even if its name is gone)
  local f p ino want
  want=" $(tr '\n' ' ' < "$LAB/netns.inodes" 2>/dev/null) "
  for f in /proc/[0-9]*/ns/net; do
    ino=$(stat -L -c %i "$f" 2>/dev/null) || continue
    [[ "$want" == *" $ino "* ]] || continue
    p=${f#/proc/}; echo "${p%%/*}"
  done
}

down(){ rm -f "$LAB/READY"; teardown; mm_restore; }

# The lab's hosts share this machine's kernel: KSM and the huge page pools a test changes are the
# machine's (issue 20). `up` records what the machine had in $LAB/mm.baseline (once: purge removes
# it), `down` puts back what differs, `verify-clean` reports what differs (from 0 and the kernel's
# defaults when nothing was recorded). One "path value" per line.
MM_BASELINE=$LAB/mm.baseline
mm_values(){
  local f
  for f in /sys/kernel/mm/ksm/run /sys/kernel/mm/ksm/pages_to_scan /sys/kernel/mm/ksm/sleep_millisecs /sys/kernel/mm/hugepages/hugepages-*/nr_hugepages; do
    [ -r "$f" ] && echo "$f $(cat "$f")"
  done
  return 0
}
mm_record(){
  [ -s "$MM_BASELINE" ] && return 0
  mm_values > "$MM_BASELINE.tmp" && mv "$MM_BASELINE.tmp" "$MM_BASELINE" && log "recorded the machine's KSM and huge page values in $MM_BASELINE: $(tr '\n' ' ' < "$MM_BASELINE")"
}
mm_expected(){
  if [ -s "$MM_BASELINE" ]; then cat "$MM_BASELINE"; return 0; fi
  mm_values | awk '{ v = 0; if ($1 ~ /pages_to_scan$/) v = 100; if ($1 ~ /sleep_millisecs$/) v = 20; print $1, v }'
}
mm_drift(){ # "path expected now" for each value that is not what the machine had
  local p want have
  while read -r p want; do
    case $p in /sys/kernel/mm/*) ;; *) continue ;; esac
    have=$(cat "$p" 2>/dev/null) || continue
    [ "$have" = "$want" ] || echo "$p $want $have"
  done < <(mm_expected)
}
mm_restore(){
  local p want have
  [ -s "$MM_BASELINE" ] || return 0
  while read -r p want have; do
    # KSM stopped with 2 first: it unmerges the pages it shared
    [[ "$p" == */ksm/run && "$want" == 0 && "$have" == 1 ]] && { echo 2 > "$p"; } 2>/dev/null
    if { echo "$want" > "$p"; } 2>/dev/null && [ "$(cat "$p")" = "$want" ]; then log "put back $p = $want (it was $have)"
    else log "could not put back $p = $want: it reads $(cat "$p" 2>/dev/null)"; fi
  done < <(mm_drift)
}

verify_clean(){
  local left=() X p d f c
  for X in labA labB "$NETNS_SW"; do
    [ -e "/run/netns/$X" ] && left+=("netns $X")
    if [ -e "/run/netns/$X" ]; then for p in $(ip netns pids "$X" 2>/dev/null); do left+=("process $p ($(cat "/proc/$p/comm" 2>/dev/null)) in netns $X"); done; fi
  done
  if [ -s "$LAB/netns.inodes" ]; then
    for p in $(leftover_netns_pids); do left+=("process $p ($(cat "/proc/$p/comm" 2>/dev/null)) in a lab netns"); done
  fi
  ip link show "$ROOT_LINK" >/dev/null 2>&1 && left+=("link $ROOT_LINK")
  [[ "$(ip -o addr show 2>/dev/null)" == *" $ROOT_IP/"* ]] && left+=("address $ROOT_IP")
  for f in /proc/[0-9]*/cmdline; do
    p=${f#/proc/}; p=${p%%/*}
    [ "$p" = $$ ] && continue
    { c=$(tr '\0' ' ' < "$f"); } 2>/dev/null || continue
    if [[ "$c" == *"$H/"* || "$c" == *"$LAB/guest/"* ]]; then
      left+=("process $p ($(cat "/proc/$p/comm" 2>/dev/null)) using $LAB")
    fi
  done
  if [ -s "$LAB/cgroups.created" ]; then
    while read -r d; do [ -d "$d" ] && left+=("cgroup $d"); done < "$LAB/cgroups.created"
  fi
  for p in $(lab_loops); do left+=("loop device $p on a file under $LAB"); done
  while read -r d; do [ -n "$d" ] && left+=("cgroup $d"); done < <(find /sys/fs/cgroup -maxdepth 6 -type d \( -name lab-A -o -name lab-B \) 2>/dev/null)
  # KSM and huge pages as the machine had them before the lab ($MM_BASELINE; 0 and the kernel's defaults without it)
  while read -r f c d; do left+=("$f = $d, the machine had $c$([ -s "$MM_BASELINE" ] || echo ' (the default; no mm.baseline)')"); done < <(mm_drift)
  if [ ${#left[@]} -eq 0 ]; then log "clean: nothing of the lab remains"; return 0; fi
  printf '%s\n' "${left[@]}" | sort -u | sed 's/^/remains: /'
  return 1
}

status(){
  local X D s ok=0 p c
  for X in "${HOSTS[@]}"; do
    D=$H/$X; s=""
    for p in holder:sleep sshd:sshd libvirtd:libvirtd; do
      c=${p#*:}; p=${p%%:*}
      if alive "$D/$p.pid" "$c" "$X"; then s+=" $p=$(head -n1 "$D/$p.pid")"; else s+=" $p=DOWN"; ok=1; fi
    done
    echo "host $X ${HNAME[$X]} ${IP[$X]}:$s"
    if host_healthy "$X"; then
      hvirsh "$X" list --all | awk 'NF{ id=$1; name=$2; $1=""; $2=""; sub(/^ +/, ""); printf "  guest %s %s\n", name, $0 }'
    fi
  done
  ip link show "$ROOT_LINK" >/dev/null 2>&1 && echo "root namespace: $ROOT_LINK $ROOT_IP" || { echo "root namespace: $ROOT_LINK DOWN"; ok=1; }
  [ -e "$LAB/READY" ] && echo "ready: $LAB/READY" || echo "ready: no"
  return $ok
}

guest_exec(){ # HOST DOMAIN CMD
  [ $# -eq 3 ] || die "usage: lab.sh guest-exec HOST DOMAIN 'command'"
  local X=$1 N=$2 CMD=$3 tmp rc nonce
  host_healthy "$X" || die "host $X is not running"
  nonce=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$LAB/tmp"
  tmp=$(mktemp "$LAB/tmp/guest-exec.XXXXXX")
  # one console user per guest at a time (`virsh console --force` would steal it from another)
  exec 8>"$LAB/tmp/console-$X-${N//\//_}.lock"
  flock -w "$(( ${GUEST_EXEC_TIMEOUT:-60} * 2 ))" 8 || { rm -f "$tmp"; die "console of $N on $X is busy"; }
  in_host "$X" expect -f "$HERE/guest-exec.exp" "$N" "$nonce" "$CMD" "$tmp" "${GUEST_EXEC_TIMEOUT:-60}" 8>&-
  rc=$?
  exec 8>&-
  if [ $rc -ne 0 ]; then
    log "guest-exec on $X/$N failed (expect rc $rc); console transcript: $(tr -d '\r' < "$tmp" | tail -c 600)"
    rm -f "$tmp"; return 125
  fi
  # output lines between the begin marker and the end marker (the echoed command never contains
  # the markers verbatim: they are typed as "VB""-<nonce>")
  tr -d '\r' < "$tmp" | awk -v b="VB-$nonce" -v e="VE-$nonce-" '
    $0 == b { on = 1; next }
    on && (i = index($0, e)) > 0 { printf "%s", substr($0, 1, i - 1); rc = substr($0, i + length(e)); found = 1; exit }
    on { print }
    END { if (!found) exit 124; exit rc + 0 }'
  rc=$?
  rm -f "$tmp"
  return $rc
}

lock(){ exec 9>"$LAB/.lock" && flock -w 900 9 || die "could not lock $LAB/.lock"; }

case "${1:-}" in
  up) preflight; mkdir -p "$LAB"; lock; up ;;
  down) [ -d "$LAB" ] || exit 0; preflight; lock; down ;;
  purge) preflight; mkdir -p "$LAB"; lock; down
    rm -rf "${H:?}" "$LAB/client" "$LAB/keys" "$LAB/shared" "$LAB/pristine" "$LAB/xml" "$LAB/testdrv" "$LAB/guest" \
      "$LAB/known_hosts" "$LAB/lab.json" "$LAB/install.log"
    log "purged $LAB (keys, host state, disks and guest build removed)" ;;
  status) status ;;
  reset) preflight; lock; lab_healthy || die "lab is not running (run: lab.sh up)"; reset_lab ;;
  verify-clean) verify_clean ;;
  accounts) preflight; lock; install_pkgs   # needs the hosts' files, not a healthy lab (a test may have stopped a libvirtd)
    for X in "${HOSTS[@]}"; do rebind_etc "$X"; extra_accounts "$X"; done; log "extra accounts ready: $LAB/accounts.json" ;;
  libvirtd-stop) [ $# -eq 2 ] && [[ " ${HOSTS[*]} " == *" $2 "* ]] || die "usage: lab.sh libvirtd-stop HOST"
    stop_pidfile "$H/$2/libvirtd.pid" libvirtd "$2" "libvirtd on $2" ;;
  libvirtd-start) [ $# -eq 2 ] && [[ " ${HOSTS[*]} " == *" $2 "* ]] || die "usage: lab.sh libvirtd-start HOST"
    libvirtd_up "$2"; log "libvirtd on $2 answers" ;;
  guest-exec) shift; guest_exec "$@" ;;
  wait-banner) shift; wait_banner "$@" ;;
  exec) [ $# -ge 3 ] || die "usage: lab.sh exec HOST cmd..."; X=$2; shift 2; in_host "$X" "$@" ;;
  virsh) [ $# -ge 2 ] || die "usage: lab.sh virsh HOST args..."; X=$2; shift 2; in_host "$X" virsh -c qemu:///system "$@" ;;
  client) shift; [ -d "$LAB/client/ssh" ] || die "no client config in $LAB (run: lab.sh up)"
    [ -d "$ROOT_SSH" ] || { mkdir -p "$ROOT_SSH" && chmod 700 "$ROOT_SSH"; }
    exec unshare --mount --propagation private -- sh -c 'mount --bind "$0" "$1" && shift 2 && exec "$@"' "$LAB/client/ssh" "$ROOT_SSH" _ "$@" ;;
  *) sed -n '/^# Usage:/,/^set -uo/p' "$SELF" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac; exit $? # on this line: bash reads a script as it runs, so a lab.sh edited meanwhile must not run on past the verb
