"""No network for query workers: a seccomp filter (Linux, x86-64 and arm64) that makes the
``socket`` and ``io_uring_setup`` system calls fail with EACCES for the rest of the process.

A worker reads its store from disk and talks to the server over its stdin and stdout
pipes, so it needs no socket; with the filter in place no query (SERVICE, LOAD, or a
check that missed one) can open a connection, whatever the SPARQL engine supports.
"""
from __future__ import annotations

import ctypes
import errno
import platform

# machine -> (AUDIT_ARCH_*, __NR_socket, __NR_io_uring_setup)
_ARCHES = {"x86_64": (0xC000003E, 41, 425), "amd64": (0xC000003E, 41, 425),
           "aarch64": (0xC00000B7, 198, 425), "arm64": (0xC00000B7, 198, 425)}
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
_ALLOW, _DENY = 0x7FFF0000, 0x00050000 | errno.EACCES  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO(EACCES)
_X32_BIT = 0x40000000  # x32 system calls on x86-64: never used by CPython, denied whole
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


class _Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def _program(audit_arch: int, nr_socket: int, nr_uring: int) -> list[tuple[int, int, int, int]]:
    return [
        (_LD_ABS, 0, 0, 4),              # A = seccomp_data.arch
        (_JEQ, 1, 0, audit_arch),        # another ABI (e.g. 32-bit calls): deny every call
        (_RET, 0, 0, _DENY),
        (_LD_ABS, 0, 0, 0),              # A = seccomp_data.nr
        (_JGE, 3, 0, _X32_BIT),
        (_JEQ, 2, 0, nr_socket),
        (_JEQ, 1, 0, nr_uring),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _DENY),
    ]


def deny_network() -> bool:
    """Forbid this process (and any it starts) to create sockets. RETURNS whether the
    filter is in place (False where the platform has no seccomp: not Linux, another CPU)."""
    import sys

    arch = _ARCHES.get(platform.machine().lower())
    if not sys.platform.startswith("linux") or arch is None:
        return False
    instructions = _program(*arch)
    table = (_Instruction * len(instructions))(*(_Instruction(*i) for i in instructions))
    program = _Program(len(instructions), table)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return False
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        return False
    return prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.cast(ctypes.pointer(program), ctypes.c_void_p),
                 0, 0) == 0
