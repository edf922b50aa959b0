"""A headless LibreOffice with the extension installed, for the tests.

The pytest process runs in the project's Python, which cannot import
``uno``: python3-uno is built for the system Python. Everything that talks
UNO therefore runs in ``uno_client.py`` under ``/usr/bin/python3`` (or
``$MYCELIUM_UNO_PYTHON``), started as a subprocess that prints JSON.

The steps follow what LibreOffice 7.4 needs. Each office gets a throwaway
profile, and the extension is added through ``ExtensionManager.addExtension``
because ``unopkg`` rejects root without ``--shared``. ``soffice`` is started
again whenever it exits with code 81, which it does on the first start of a
new profile and after an extension is added.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
UNO_CLIENT = HERE / "uno_client.py"

# soffice.bin exit status meaning "restart me" (first start, extension added).
RESTART_EXIT_CODE = 81
START_TIMEOUT_SECONDS = 60


class OfficeError(RuntimeError):
    """LibreOffice did not start, did not respond or a UNO step failed."""


def soffice_path() -> str | None:
    """Return the office program itself (soffice.bin), not its launcher.

    The ``soffice`` script execs ``oosplash``, which forks ``soffice.bin``.
    Started directly, ``soffice.bin`` has its own process id, so it can be
    stopped by that id, and its exit status 81 is visible.
    """
    launcher = shutil.which("soffice") or shutil.which("libreoffice")
    if launcher is None:
        return None
    program = Path(os.path.realpath(launcher)).parent / "soffice.bin"
    return str(program) if program.exists() else launcher


def uno_python() -> str | None:
    """Return a Python that can import ``uno``, or None."""
    candidate = os.environ.get("MYCELIUM_UNO_PYTHON", "/usr/bin/python3")
    if not Path(candidate).exists():
        return None
    check = subprocess.run([candidate, "-c", "import uno"], capture_output=True)
    return candidate if check.returncode == 0 else None


def office_environment(python: str) -> dict[str, str]:
    """Return the environment soffice runs in.

    LibreOffice's embedded Python finds its standard library from the first
    ``python3`` on PATH. With a pyenv or virtualenv ``python3`` first, the
    Python loader fails ("can't import __main__ module") and no Python
    extension can be installed, so the folder of the system Python that has
    ``uno`` goes first.
    """
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment["PATH"] = str(Path(python).parent) + os.pathsep + os.environ.get("PATH", "")
    return environment


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_ui_locale(profile: Path, locale: str) -> None:
    """Set the profile's user interface locale (ooLocale), as Tools ▸ Options does."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse">'
        f"<value>{locale}</value></prop></item>\n"
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse">'
        f"<value>{locale}</value></prop></item>\n"
        "</oor:items>\n",
        encoding="utf-8",
    )


class Office:
    """One soffice process on 127.0.0.1 with its own profile folder."""

    def __init__(self, profile: Path, python: str, soffice: str, *, locale: str = "en-US"):
        self.profile = profile
        self.python = python
        self.soffice = soffice
        self.locale = locale
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = profile / "soffice.log"

    # Starting and stopping

    def _command(self) -> list[str]:
        return [
            self.soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            f"-env:UserInstallation={self.profile.as_uri()}",
            f"--accept=socket,host=127.0.0.1,port={self.port};urp;",
        ]

    def start(self) -> None:
        """Start soffice and wait until it accepts UNO connections, restarting on exit code 81."""
        environment = office_environment(self.python)
        for _attempt in range(3):
            log = open(self.log_path, "ab")
            self.process = subprocess.Popen(
                self._command(), stdout=log, stderr=log, stdin=subprocess.DEVNULL,
                env=environment, cwd=str(self.profile),
            )
            log.close()
            deadline = time.monotonic() + START_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                status = self.process.poll()
                if status is not None:
                    break
                if self._port_open() and self.call("ping", timeout=30, check=False).get("ok"):
                    return
                time.sleep(0.5)
            else:
                self.stop()
                raise OfficeError(f"soffice did not answer on 127.0.0.1:{self.port} within {START_TIMEOUT_SECONDS} s")
            if status != RESTART_EXIT_CODE:
                raise OfficeError(f"soffice exited with status {status}; see {self.log_path}")
        raise OfficeError("soffice kept exiting with status 81")

    def _port_open(self) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.settimeout(0.5)
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        """Ask soffice to quit, then end it by its process id if it does not."""
        if self.process is None or self.process.poll() is not None:
            return
        self.call("terminate", timeout=20, check=False)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def wait_exit(self, timeout: float = 30) -> int | None:
        """Wait for soffice to exit by itself (after an extension is added) and return its status."""
        if self.process is None:
            return None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    # Talking UNO through the system Python

    def call(self, command: str, *arguments: str, timeout: float = 180, check: bool = True) -> dict:
        """Run one ``uno_client.py`` command against this office and return its JSON output."""
        completed = subprocess.run(
            [self.python, str(UNO_CLIENT), "--port", str(self.port), command, *arguments],
            capture_output=True, text=True, timeout=timeout, cwd=str(self.profile),
            # No user site, no PYTHONPATH: the extension's vendored engine is
            # the only mycelium_sheets the office can import.
            env={key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")},
        )
        output = completed.stdout.strip().splitlines()
        result = json.loads(output[-1]) if output and output[-1].startswith("{") else {}
        if check and (completed.returncode != 0 or not result.get("ok")):
            raise OfficeError(
                f"uno_client {command} failed (status {completed.returncode}):\n{completed.stdout}\n{completed.stderr}"
            )
        return result

    def messages(self) -> list[dict]:
        """Return the message boxes the extension showed, from its log in the profile."""
        path = self.profile / "user" / "mycelium-sheets" / "messages.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def install_and_start(profile: Path, oxt: Path, *, locale: str = "en-US") -> Office:
    """Create a profile, install the extension into it and return a running office."""
    python = uno_python()
    soffice = soffice_path()
    if python is None or soffice is None:
        raise OfficeError("LibreOffice (soffice) or a Python with the uno module is missing")
    profile.mkdir(parents=True, exist_ok=True)
    write_ui_locale(profile, locale)

    office = Office(profile, python, soffice, locale=locale)
    office.start()
    try:
        office.call("install", str(oxt))
        # Quitting now and starting again loads the new menu; soffice may
        # exit with status 81 on the way, which start() handles.
        office.stop()
        office.start()
    except BaseException:
        office.stop()
        raise
    return office


def missing_office_reason() -> str | None:
    """Return why the LibreOffice tests cannot run here, or None when they can."""
    if soffice_path() is None:
        return "soffice is not installed"
    if uno_python() is None:
        return "no Python with the uno module (install python3-uno)"
    return None


def is_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


if __name__ == "__main__":  # pragma: no cover - manual use
    print(missing_office_reason() or "ready", file=sys.stderr)
