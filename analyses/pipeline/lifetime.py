"""A child process that must not outlive the process that started it."""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid):
    """In a freshly started child: be killed (SIGKILL) when `parent_pid`, the process that started it, dies. A process
    killed with SIGKILL cannot pass the signal on, so without this its children ran on unsupervised. Linux only
    (prctl); elsewhere the child's own limits still end it."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died between the fork and the prctl
        os._exit(1)
