"""make bench shows how gunicorn's workers shared the work, so an idle worker cannot hide."""

import os
import subprocess
import sys
import time

from bench import workers


def test_an_idle_worker_is_named():
    line = workers.shares_line({101: 3.9, 102: 0.1})
    assert "98% / 2%" in line
    assert "an idle worker" in line


def test_an_even_share_is_not():
    line = workers.shares_line({101: 2.1, 102: 1.9, 103: 2.0})
    assert "no idle worker" in line
    assert workers.shares_line({}) == ""


def test_the_cpu_of_each_child_is_read_from_proc():
    burn = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"
    child = subprocess.Popen([sys.executable, "-c", burn + "time.sleep(5)"])
    try:
        used = {}
        for _ in range(50):
            used = workers.cpu_seconds(os.getpid())
            if used.get(child.pid, 0) >= 0.25:
                break
            time.sleep(0.1)
        assert used.get(child.pid, 0) >= 0.25
    finally:
        child.kill()
        child.wait()
