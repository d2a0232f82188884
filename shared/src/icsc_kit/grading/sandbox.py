"""Confine the untrusted worker: namespaces, hidden paths, resource limits, another user.

Run as root (the normal case in a grading container), :func:`confine` gives the worker:

* new mount, PID, IPC and UTS namespaces (the network namespace is cut one level up, for
  the whole job, by :func:`main` so that trusted fixtures' servers on 127.0.0.1 stay
  reachable from the worker and nothing else is);
* empty read-only mounts over the hidden tests, the reference solutions, the
  repository's ``.git``, the grader's output and the submissions given to the grader;
* fresh, size-limited ``tmpfs`` over ``/tmp``, ``/var/tmp`` and ``/dev/shm``, and over any
  folder the worker could not enter (such as a ``0700`` home holding the interpreter),
  with only what the worker needs (interpreter, ``sys.path``, the job's folders)
  bind-mounted back;
* its own ``/proc``; when its first process ends, the kernel kills every process left in
  the PID namespace (a fork bomb cannot outlive the worker);
* resource limits (CPU seconds, address space, data segment, processes, file size, no
  core dumps) and a dedicated unprivileged user id per job, so that ``RLIMIT_NPROC`` and
  ``kill(-1)`` reach no other job; ``no_new_privs``.

Without root the worker gets the resource limits and a session of its own only; the
report returned by :func:`confine` says which protections are in force.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import resource
import signal
import socket
import stat
import struct
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
NOBODY_GID = 65534
UID_BASE = 200_000
TMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm")
TMP_SIZE = "64m"

_libc = ctypes.CDLL(None, use_errno=True)


class SandboxError(OSError):
    """A namespace, mount or privilege step failed."""


def _check(result: int, what: str) -> None:
    if result != 0:
        number = ctypes.get_errno()
        msg = f"{what}: {os.strerror(number)}"
        raise SandboxError(number, msg)


def _unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    encoded = [None if text is None else os.fsencode(text) for text in (source, target, fstype)]
    _check(
        _libc.mount(encoded[0], encoded[1], encoded[2], flags, data.encode() or None),
        f"mount {target}",
    )


def _prctl(option: int, value: int) -> None:
    _check(_libc.prctl(option, value, 0, 0, 0), "prctl")


@dataclass
class SandboxPlan:
    """Everything the worker launcher needs, passed to it as JSON on its command line.

    ``limits`` maps resource names (``cpu``, ``as``, ``data``, ``nproc``, ``fsize``) to
    values (seconds or bytes). ``keep`` are paths the worker must reach (``writable``
    ones read-write); ``hide`` are paths it must not see.
    """

    read_fd: int
    write_fd: int
    privileged: bool
    uid: int | None = None
    gid: int = NOBODY_GID
    limits: dict[str, int] = field(default_factory=dict)
    keep: list[str] = field(default_factory=list)
    writable: list[str] = field(default_factory=list)
    hide: list[str] = field(default_factory=list)
    workdir: str = "/"

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> SandboxPlan:
        return cls(**json.loads(text))


_SLOTS = 8
_slots_taken: set[int] = set()
_slots_lock = threading.Lock()


def acquire_uid() -> int:
    """A user id no other running job uses: from this process's id and a free slot.

    Process ids are unique among running processes and each process has ``_SLOTS``
    slots, so concurrent jobs (in a pool, or in threads of one process) never share a
    user: ``RLIMIT_NPROC`` counts per user and ``kill(-1)`` reaches every process of one.
    """
    with _slots_lock:
        slot = next((n for n in range(_SLOTS) if n not in _slots_taken), None)
        if slot is None:
            msg = f"more than {_SLOTS} jobs at once in one process"
            raise RuntimeError(msg)
        _slots_taken.add(slot)
    return UID_BASE + os.getpid() * _SLOTS + slot


def release_uid(uid: int) -> None:
    """Give ``uid``'s slot back (after :func:`sweep_user`)."""
    with _slots_lock:
        _slots_taken.discard((uid - UID_BASE) % _SLOTS)


def privileged() -> bool:
    """True where the full sandbox is possible: Linux, running as root."""
    return sys.platform.startswith("linux") and os.geteuid() == 0


# -- limits and users ----------------------------------------------------------------------
def cuda_driver_present() -> bool:
    """Is an NVIDIA driver loaded here (its /proc entry or device nodes)?"""
    return Path("/proc/driver/nvidia/version").exists() or any(Path("/dev").glob("nvidia[0-9]*"))


def machine_limits(limits: dict[str, int]) -> dict[str, int]:
    """``limits`` as this machine allows: no address-space limit where CUDA is present.

    Measured on an H100 (torch 2, CUDA 12): with RLIMIT_AS at 4 or 8 GiB,
    ``cudaGetDeviceCount`` fails with "out of memory" (the driver reserves far more
    virtual address space); with RLIMIT_DATA at 2 GiB alone, CUDA works and a large
    allocation still fails. So on GPU machines the data limit does the job alone.
    """
    if cuda_driver_present():
        return {name: value for name, value in limits.items() if name != "as"}
    return dict(limits)


def apply_limits(limits: dict[str, int]) -> None:
    """Set the worker's resource limits (soft = hard, CPU gets a 5 s grace to SIGKILL)."""
    table = {
        "as": resource.RLIMIT_AS,
        "data": resource.RLIMIT_DATA,
        "nproc": resource.RLIMIT_NPROC,
        "fsize": resource.RLIMIT_FSIZE,
    }
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if "cpu" in limits:
        resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu"], limits["cpu"] + 5))
    for name, which in table.items():
        if name in limits:
            resource.setrlimit(which, (limits[name], limits[name]))


def drop_privileges(uid: int, gid: int) -> None:
    """Become ``uid``:``gid`` with no supplementary groups, irrevocably."""
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)


def sweep_user(uid: int, gid: int = NOBODY_GID) -> None:
    """Kill every process of ``uid`` (what a fork bomb may have left behind)."""
    script = "for i in 1 2 3 4 5 6 7 8 9 10; do kill -9 -1 2>/dev/null || exit 0; done"
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            ["/bin/sh", "-c", script],
            user=uid,
            group=gid,
            extra_groups=[],
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


# -- paths ---------------------------------------------------------------------------------
def _traversable(path: Path, uid: int, gid: int) -> bool:
    info = path.stat()
    if info.st_uid == uid:
        return bool(info.st_mode & stat.S_IXUSR)
    if info.st_gid == gid:
        return bool(info.st_mode & stat.S_IXGRP)
    return bool(info.st_mode & stat.S_IXOTH)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _outermost(paths: set[Path]) -> list[Path]:
    return sorted(p for p in paths if not any(o != p and _within(p, o) for o in paths))


@dataclass
class MountPlan:
    """Which folders get an empty mount, which a tmpfs with some paths bound back."""

    hide: list[Path]
    overlays: dict[Path, list[Path]]


def plan_mounts(plan: SandboxPlan) -> MountPlan:
    """Work out the mounts for ``plan`` (pure: only reads the file system)."""
    uid = plan.uid if plan.uid is not None else os.getuid()
    leaves = _outermost({Path(p).resolve() for p in plan.keep if Path(p).exists()})
    roots = {Path(p) for p in TMP_DIRS if Path(p).is_dir()}
    for leaf in leaves:
        for ancestor in reversed(leaf.parents):
            if ancestor != Path("/") and not _traversable(ancestor, uid, plan.gid):
                roots.add(ancestor)
                break
    overlays = {
        root: [leaf for leaf in leaves if _within(leaf, root) and leaf != root]
        for root in _outermost(roots)
    }
    hide = []
    for text in plan.hide:
        path = Path(text).resolve()
        if not path.exists() or any(_within(leaf, path) for leaf in leaves):
            continue
        if any(_within(path, root) for root in overlays):
            continue  # the tmpfs over its parent already hides it
        hide.append(path)
    return MountPlan(sorted(set(hide)), overlays)


def _apply_mounts(mounts: MountPlan, writable: set[Path]) -> None:
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    for path in mounts.hide:
        if path.is_dir():
            _mount(
                "tmpfs",
                str(path),
                "tmpfs",
                MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                "mode=000,size=4k",
            )
        else:
            _mount("/dev/null", str(path), None, MS_BIND)
    # Bind sources are opened before any tmpfs covers them (hides above stay inside).
    for root, leaves in mounts.overlays.items():
        handles = {leaf: os.open(leaf, os.O_PATH | os.O_CLOEXEC) for leaf in leaves}
        mode = "1777" if str(root) in TMP_DIRS else "0755"
        _mount("tmpfs", str(root), "tmpfs", MS_NOSUID | MS_NODEV, f"mode={mode},size={TMP_SIZE}")
        for leaf, handle in handles.items():
            for ancestor in reversed(leaf.parents):
                if _within(ancestor, root) and ancestor != root and not ancestor.exists():
                    ancestor.mkdir()
                    ancestor.chmod(0o755)
            if stat.S_ISDIR(os.fstat(handle).st_mode):
                leaf.mkdir(exist_ok=True)
            else:
                leaf.touch()
            _mount(f"/proc/self/fd/{handle}", str(leaf), None, MS_BIND | MS_REC)
            if not any(_within(leaf, w) or _within(w, leaf) for w in writable):
                _mount(None, str(leaf), None, MS_REMOUNT | MS_BIND | MS_RDONLY)
            os.close(handle)


# -- the worker's start --------------------------------------------------------------------
def confine(plan: SandboxPlan) -> dict[str, Any]:
    """Confine this process as ``plan`` says; returns (in the confined process) a report.

    Privileged: this process (P0) enters new namespaces and mounts, forks P1 (PID 1 of the
    new PID namespace, which only reaps), which forks P2 (drops to ``plan.uid``, limits,
    returns). P0 and P1 exit with P2's status. Unprivileged: limits only, returns at once.
    """
    report: dict[str, Any] = {"privileged": plan.privileged, "uid": os.getuid()}
    if not plan.privileged:
        limits = {k: v for k, v in plan.limits.items() if k != "nproc"}
        apply_limits(limits)
        report.update(hidden=[], namespaces=[], processes_limited=False)
        os.chdir(plan.workdir)
        return report
    mounts = plan_mounts(plan)
    _unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS)
    _apply_mounts(mounts, {Path(p).resolve() for p in plan.writable})
    _fork_and_wait(close=(plan.read_fd, plan.write_fd), keep_in_child=True)  # P0 waits here
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _fork_and_wait(close=(plan.read_fd, plan.write_fd), keep_in_child=True)  # P1 reaps here
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    apply_limits(plan.limits)
    assert plan.uid is not None
    drop_privileges(plan.uid, plan.gid)
    os.chdir(plan.workdir)
    report.update(
        uid=plan.uid,
        hidden=[str(p) for p in mounts.hide],
        overlays=[str(p) for p in mounts.overlays],
        namespaces=["mount", "pid", "ipc", "uts"],
        processes_limited=True,
    )
    return report


def _fork_and_wait(close: tuple[int, ...], *, keep_in_child: bool) -> None:
    """Fork; the parent closes ``close``, waits for the child, reaps, and exits with its
    status; only the child returns."""
    child = os.fork()
    if child == 0:
        if not keep_in_child:
            for fd in close:
                os.close(fd)
        return
    for fd in close:
        with contextlib.suppress(OSError):
            os.close(fd)
    code = 1
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == child:
            code = os.waitstatus_to_exitcode(status)
            code = 128 - code if code < 0 else code
            break
    os._exit(code)


# -- the job's network namespace -----------------------------------------------------------
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1


def cut_network() -> None:
    """Enter a new network namespace with only the loopback interface, up."""
    _unshare(CLONE_NEWNET)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sh14x", b"lo", 0)
        flags = struct.unpack("16sh14x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sh14x", b"lo", flags | IFF_UP))


def main(argv: list[str]) -> None:
    """``python -m icsc_kit.grading.sandbox --net -- COMMAND...``: run COMMAND offline."""
    if len(argv) < 3 or argv[:2] != ["--net", "--"]:
        sys.stderr.write("usage: python -m icsc_kit.grading.sandbox --net -- COMMAND...\n")
        raise SystemExit(2)
    cut_network()
    os.execvp(argv[2], argv[2:])


if __name__ == "__main__":
    main(sys.argv[1:])
