"""Production mode (HTTPS=1) passes `check --deploy`; proxy headers count only when configured; staff passwords are
validated; failed admin logins lock out the user name and the address (django-axes)."""

import secrets

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError

from .settings_env import manage_with_clean_env, settings_from


def a_real_secret_key():
    return secrets.token_urlsafe(50)


def test_production_mode_passes_check_deploy(tmp_path):
    production = manage_with_clean_env(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=a_real_secret_key(), HTTPS="1"
    )
    assert production.returncode == 0, production.stderr
    plain = manage_with_clean_env(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=a_real_secret_key()
    )
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in plain.stderr


def settings_with(monkeypatch, tmp_path, **variables):
    return settings_from(monkeypatch, tmp_path, clean=True, SECRET_KEY=a_real_secret_key(), **variables)


@pytest.mark.parametrize(
    ("variables", "header", "redirect"),
    [
        ({}, None, False),
        ({"NUM_PROXIES": "1"}, None, False),
        ({"HTTPS": "1"}, None, True),
        ({"HTTPS": "1", "NUM_PROXIES": "1"}, ("HTTP_X_FORWARDED_PROTO", "https"), True),
        ({"SECURE_PROXY_SSL_HEADER": "X-Scheme: https"}, ("HTTP_X_SCHEME", "https"), False),
        ({"HTTPS": "1", "NUM_PROXIES": "1", "SECURE_PROXY_SSL_HEADER": "off"}, None, True),
    ],
)
def test_the_proxy_ssl_header_is_trusted_only_when_configured(monkeypatch, tmp_path, variables, header, redirect):
    configured = settings_with(monkeypatch, tmp_path, **variables)
    assert header == configured.SECURE_PROXY_SSL_HEADER
    assert configured.SECURE_SSL_REDIRECT is configured.SESSION_COOKIE_SECURE is redirect


def test_a_malformed_proxy_ssl_header_is_refused(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="X-Forwarded-Proto: https"):
        settings_with(monkeypatch, tmp_path, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")


@pytest.mark.django_db
def test_a_forwarded_proto_header_alone_changes_no_url(client, resume_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = client.post(
        "/api/v1/resume/upload", {"file": SimpleUploadedFile("cv.pdf", resume_bytes)}, HTTP_X_FORWARDED_PROTO="https"
    )
    assert r.json()["status_url"].startswith("http://testserver/")


@pytest.mark.django_db
def test_behind_a_configured_proxy_http_redirects_to_https_but_health_does_not(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    r = client.get("/admin/login/", HTTP_X_FORWARDED_PROTO="http")
    assert r.status_code == 301 and r["Location"] == "https://testserver/admin/login/"
    assert client.get("/api/v1/health", HTTP_X_FORWARDED_PROTO="http").status_code == 200
    secure = client.get("/admin/login/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=3600")


@pytest.mark.parametrize("password", ["short1", "password123", "12345678901234", "admin-admin-admin"])
def test_weak_staff_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password, User(username="admin-admin-admin"))


def test_a_good_staff_password_passes():
    validate_password("cobalt-orchard-51-lantern", User(username="admin"))


def admin_login(client, username, password, address):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def staff(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # each attempt hashes once
    settings.AXES_FAILURE_LIMIT = 3
    return User.objects.create_user("curator", password="right-horse-battery-9", is_staff=True)


def test_failed_admin_logins_lock_the_user_name_out(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "curator", "wrong", f"203.0.113.{number}").status_code == 200  # the form again
    assert admin_login(client, "curator", "wrong", "203.0.113.50").status_code == 429
    # The right password from yet another address: the name itself is locked.
    assert admin_login(client, "curator", "right-horse-battery-9", "203.0.113.99").status_code == 429
    assert "_auth_user_id" not in client.session


def test_failed_admin_logins_lock_the_address_out(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, f"guess{number}", "wrong", "198.51.100.7")
    assert admin_login(client, "curator", "right-horse-battery-9", "198.51.100.7").status_code == 429
    # Another address still gets in with the right password.
    assert admin_login(client, "curator", "right-horse-battery-9", "198.51.100.8").status_code == 302


def test_the_locked_out_address_is_the_one_our_proxy_reports(client, staff, settings):
    """Behind NUM_PROXIES=1 every request comes from the proxy; the client is the address the proxy appended."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7",
        )
    other_client = client.post(
        "/admin/login/",
        {"username": "curator", "password": "right-horse-battery-9"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert other_client.status_code == 302
    locked = client.post(
        "/admin/login/",
        {"username": "curator", "password": "right-horse-battery-9"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="5.6.7.8, 198.51.100.7",
    )
    assert locked.status_code == 429
