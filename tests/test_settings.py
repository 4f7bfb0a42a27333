"""Production settings refuse to start half-configured and pass the deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env_overrides})
    env = {name: value for name, value in env.items() if value is not None}  # None: unset
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_fails_clearly():
    result = run_manage("check", env_overrides={"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production" in result.stderr


def test_production_without_allowed_hosts_fails_clearly():
    result = run_manage("check", env_overrides={"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


TASKS_BACKEND = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
PRODUCTION = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org", "TASK_BACKEND": None}


def test_production_without_task_backend_queues_background_work_in_the_database():
    # Unset: a real queue, so a write's purges and mail never run inside its request.
    result = run_manage("shell", "-c", TASKS_BACKEND, env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend"
    # An explicit choice is kept (a one-off command may want its work done in-process).
    chosen = {**PRODUCTION, "TASK_BACKEND": "immediate"}
    result = run_manage("shell", "-c", TASKS_BACKEND, env_overrides=chosen)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].endswith(".ImmediateBackend")


def test_check_deploy_has_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "SECRET_KEY": "k9$Vb!2mQz#Lr7@Xw4&Tn8^Pa6*Jc3(Hs5)Gd1_Fe0+Uy-Io=Ek~Ql[Wx]Zv{Mb}",
            "ALLOWED_HOSTS": "solidarity.example.org",
            "DATABASE_URL": "sqlite:////tmp/portal-deploy-check.sqlite3",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_suite_runs_on_test_settings_whatever_the_shell_exports():
    """An exported development profile (as `make run` users have) must not leak into the suite."""
    from django.conf import settings

    assert settings.SETTINGS_MODULE == "portal.settings.test"
    if os.environ.get("PORTAL_PINNED_SETTINGS_CHILD"):
        return
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_PINNED_SETTINGS_CHILD": "1",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            f"{__file__}::{test_suite_runs_on_test_settings_whatever_the_shell_exports.__name__}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_production_sends_mail_through_the_smtp_server_named_by_email_url():
    """The README's example EMAIL_URL configures the SMTP delivery behind the mail queue (it
    crashed start-up: the settings called a parser that environs does not have)."""
    script = (
        "from django.conf import settings as s; print(s.PORTAL_EMAIL_DELIVERY_BACKEND,"
        " s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.EMAIL_BACKEND)"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        env_overrides={
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "example.org",
            "EMAIL_URL": "submission://user:pass@smtp.example.org:587",
        },
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines()[-1].split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "user",
        "True",
        "campaigns.background.mail.QueuedEmailBackend",
    ]


def test_production_refuses_an_email_url_it_would_send_in_clear_text():
    """``smtp+tls://`` is no scheme dj-email-url knows: it parsed to SMTP without TLS."""
    result = run_manage(
        "check",
        env_overrides={
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "example.org",
            "EMAIL_URL": "smtp+tls://user:pass@smtp.example.org:587",
        },
    )
    assert result.returncode != 0
    assert "EMAIL_URL: unknown scheme" in result.stderr
