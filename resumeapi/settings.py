"""Settings for the resume-analysis service.

Every knob is read from the environment here and nowhere else; each has a safe default and is listed in
docs/configuration.md.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from analyses.pipeline.scoring import DEFAULT_WEIGHTS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def env_float(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
DEBUG = env_bool("DEBUG", False)


def read_or_create_local_secret_key():
    """The key `make run` keeps under var/, so sessions and signed tasks survive restarts."""
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    if not env_bool("LOCAL_MODE", False) and not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable, or run `make run` "
            "(local mode) once to generate one under var/."
        )
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = env_str("SECRET_KEY") or read_or_create_local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "axes",
    "skills_catalog",
    "analyses",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "resumeapi.middleware.refuse_trace",
    "resumeapi.middleware.api_no_store",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out admin login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "resumeapi.urls"
WSGI_APPLICATION = "resumeapi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default. WAL + IMMEDIATE transactions + a busy timeout together are what keep a web process and
# worker processes from ever seeing "database is locked" (measured; see ARCHITECTURE.md).
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            # Reused, not reopened per request: opening SQLite and running the PRAGMAs cost ~1 ms, 4x the view.
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                # How long a write waits for another process's write lock before "database is locked".
                "timeout": env_float("SQLITE_BUSY_TIMEOUT_SECONDS", 30),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The database cache is shared by every web process, so throttle counts hold across gunicorn workers.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "resumeapi_cache",
        # Django's default of 300 entries is one throttle record per client and scope: past 300 clients in a
        # minute, every write deleted a third of the records (throttle counts lost) after a COUNT(*) of the table.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded resumes live here and are never served under a public URL (no MEDIA_URL route exists).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "uploads")))
MEDIA_URL = None
# Or in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) through django-storages, so web and worker hosts share
# uploads without a shared mount. Empty credentials leave boto3 to its own chain (AWS_* variables, instance role).
STORAGE_BUCKET = env_str("STORAGE_BUCKET")
if STORAGE_BUCKET:
    from botocore.config import Config as BotoConfig

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": STORAGE_BUCKET,
            "endpoint_url": env_str("STORAGE_ENDPOINT_URL") or None,
            "region_name": env_str("STORAGE_REGION") or None,
            "access_key": env_str("STORAGE_ACCESS_KEY_ID") or None,
            "secret_key": env_str("STORAGE_SECRET_ACCESS_KEY") or None,
            "location": env_str("STORAGE_PREFIX"),
            # Names are generated UUIDs: no HEAD request per upload to find a free name.
            "file_overwrite": True,
            # No ACL header: buckets with "bucket owner enforced" ownership (the AWS default) refuse any ACL.
            "default_acl": None,
            # A bucket that does not answer must fail the upload (507) in seconds, not hold a web thread for minutes.
            "client_config": BotoConfig(
                connect_timeout=env_float("STORAGE_TIMEOUT_SECONDS", 5),
                read_timeout=env_float("STORAGE_TIMEOUT_SECONDS", 5) * 4,
                retries={"max_attempts": 3, "mode": "standard"},
                # "path" for servers without per-bucket host names (MinIO, a test server on 127.0.0.1).
                s3={"addressing_style": env_str("STORAGE_ADDRESSING_STYLE", "auto")},
            ),
        },
    }

# Uploads: the size limit is enforced while the body streams in, so an oversized file is never held in memory.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
MAX_PAGES = env_int("MAX_PAGES", 10)
MAX_JOB_DESCRIPTION_CHARS = env_int("MAX_JOB_DESCRIPTION_CHARS", 20000)
# Scanned pages are read by Tesseract (docs/formats.md): at OCR_DPI, at most OCR_MAX_PAGES of them per PDF (each
# costs 1-5 s on a busy 2-core machine, inside ANALYSIS_TIME_LIMIT). OCR_TESSDATA: the folder with eng.traineddata
# when it is not where Debian's tesseract-ocr-eng puts it. OCR_COMMAND: the tesseract command that reads them; empty
# (or not installed): PyMuPDF's built-in OCR does.
OCR_COMMAND = env_str("OCR_COMMAND", "tesseract")
OCR_DPI = env_int("OCR_DPI", 300)
OCR_MAX_PAGES = env_int("OCR_MAX_PAGES", 3)
OCR_TESSDATA = env_str("OCR_TESSDATA", "")

# The worker. Each analysis runs in a child process (analyses/isolation.py, docs/limits.md) killed after
# ANALYSIS_TIME_LIMIT seconds and allowed ANALYSIS_MAX_MEMORY_MB of address space on top of the worker's own (a
# normal analysis adds ~10-20 MB, OCR of a scanned page ~100-200 MB; 0 turns the cap off). django-q2's own
# timeout is 10 s longer, so our limit, which ends the analysis with a reason, always fires first; it re-delivers an
# unacknowledged task (a killed worker) after `retry` seconds, which must exceed that timeout or a slow task would
# run twice.
ANALYSIS_TIME_LIMIT = env_int("ANALYSIS_TIME_LIMIT", 30)
ANALYSIS_MAX_MEMORY_MB = env_int("ANALYSIS_MAX_MEMORY_MB", 512)
ANALYSIS_MAX_ATTEMPTS = env_int("ANALYSIS_MAX_ATTEMPTS", 3)
QUEUE_TIMEOUT_SECONDS = ANALYSIS_TIME_LIMIT + 10
QUEUE_RETRY_SECONDS = env_int("QUEUE_RETRY_SECONDS", QUEUE_TIMEOUT_SECONDS + 30)
if QUEUE_RETRY_SECONDS <= QUEUE_TIMEOUT_SECONDS:
    raise ImproperlyConfigured(
        f"QUEUE_RETRY_SECONDS must be larger than ANALYSIS_TIME_LIMIT + 10 ({QUEUE_TIMEOUT_SECONDS}), "
        "or slow tasks run twice."
    )
Q_CLUSTER = {
    "name": "resumeapi",
    "orm": "default",
    "workers": env_int("WORKERS", 2),
    "timeout": QUEUE_TIMEOUT_SECONDS,
    "retry": QUEUE_RETRY_SECONDS,
    "max_attempts": ANALYSIS_MAX_ATTEMPTS,
    "ack_failures": True,
    "queue_limit": env_int("WORKERS", 2) * 2,
    "bulk": 1,
    "poll": env_float("QUEUE_POLL_SECONDS", 0.05),
    "save_limit": 100,
    "catch_up": False,
    "label": "Task queue",
}

# Housekeeping on the worker's schedule (`manage.py setup_schedules`). An analysis `processing` this long with no
# task left in the queue lost its worker; the default is twice a full timeout-plus-redelivery cycle, so a slow but
# live analysis is never touched. RETENTION_DAYS=0 keeps analyses until someone deletes them.
STALE_AFTER_SECONDS = env_int("STALE_AFTER_SECONDS", 2 * (ANALYSIS_TIME_LIMIT + Q_CLUSTER["retry"]))
RETENTION_DAYS = env_int("RETENTION_DAYS", 0)
# /api/v1/health says `degraded` when no worker heartbeat is newer than this. A running qcluster writes one every
# 0.5 s; 10 s leaves room for a worker host under load without calling a dead one alive for long.
WORKER_SEEN_WITHIN_SECONDS = env_int("WORKER_SEEN_WITHIN_SECONDS", 10)

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", ["http://localhost:3000", "http://127.0.0.1:3000"])
CORS_URLS_REGEX = r"^/api/.*$"
# A browser's script may read only the headers named here: a 429's Retry-After tells the frontend when to retry.
CORS_EXPOSE_HEADERS = ["Retry-After"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.MultiPartParser", "rest_framework.parsers.FormParser"],
    "EXCEPTION_HANDLER": "analyses.errors.json_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The OpenAPI schema at /api/v1/schema/ and its docs at /api/v1/docs/; the docs' JS and CSS are served from our own
# static files (drf-spectacular-sidecar), never from a CDN.
SPECTACULAR_SETTINGS = {
    "TITLE": "Resume analysis API",
    "DESCRIPTION": (
        "Upload a resume (a text or scanned PDF, or a Word .docx), poll its status, fetch the report. "
        "Errors are JSON {error, code}."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["analyses.schema.contract_paths"],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# Clients are told apart by address (throttles, admin lockouts). Only the last NUM_PROXIES entries of X-Forwarded-For
# were written by our own proxies; with the default 0 the header is ignored, so a client cannot invent addresses.
NUM_PROXIES = env_int("NUM_PROXIES", 0)


def env_proxy_ssl_header(name, default):
    """SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https": the header (and value) by which our proxy says the client
    came over HTTPS; "off" trusts none."""
    value = os.environ.get(name, default).strip()
    if not value or value.lower() == "off":
        return None
    header, _, expected = value.partition(":")
    if not header.strip() or not expected.strip():
        raise ImproperlyConfigured(f"{name} must look like 'X-Forwarded-Proto: https', not {value!r}")
    return "HTTP_" + header.strip().upper().replace("-", "_"), expected.strip()


# Production mode: HTTPS=1 when clients reach the service over TLS (terminated by the proxy of docs/deployment.md).
# It turns on secure cookies, HSTS and the redirect from http://, which is what `manage.py check --deploy` asks.
HTTPS = env_bool("HTTPS", False)
# Which requests came over TLS is only known from a proxy header, trusted only when configured: by default only
# with HTTPS=1 behind NUM_PROXIES >= 1, whose proxy must set X-Forwarded-Proto itself (deploy/nginx.conf does).
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header(
    "SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto: https" if HTTPS and NUM_PROXIES else ""
)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Load balancers and probes check health over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health$"]
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", HTTPS)

# Staff passwords (the only accounts) follow Django's four checks: length, likeness to the user, common, numeric.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed admin logins (django-axes): after ADMIN_LOGIN_FAILURES failures for one user name, or from one address,
# that user name or address is refused (429) for ADMIN_LOCKOUT_MINUTES; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ADMIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "resumeapi.client_address.client_address"
AXES_HTTP_RESPONSE_CODE = 429

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}, "null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # A request naming a host not in ALLOWED_HOSTS already gets its 400; logged, each one wrote an ERROR with a
    # traceback, so any client could flood the log (Django's own docs silence it the same way).
    "loggers": {"django.security.DisallowedHost": {"handlers": ["null"], "propagate": False}},
}


def env_weights(name, default):
    """SCORE_WEIGHTS="skills=30,contact=15,…": the share each category has in the overall score."""
    value = os.environ.get(name)
    if not value:
        return dict(default)
    weights = dict(default)
    for item in value.split(","):
        key, _, number = item.partition("=")
        if key.strip() not in default or not number.strip().isdigit():
            raise ImproperlyConfigured(f"{name}: {item!r} is not category=integer (categories: {', '.join(default)})")
        weights[key.strip()] = int(number)
    return weights


# The categories and their default weights live with the score (a plain-Python module, safe to import here).
SCORE_WEIGHTS = env_weights("SCORE_WEIGHTS", DEFAULT_WEIGHTS)


def env_rate(name, default):
    """A DRF rate such as "30/min"; "off" turns the throttle off."""
    value = os.environ.get(name, default).strip()
    return None if value.lower() == "off" else value


# Defaults leave plenty of room for one real user: the frontend polls every 2 s (30/min).
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "upload": env_rate("THROTTLE_UPLOAD", "30/min"),
    "poll": env_rate("THROTTLE_POLL", "300/min"),
}
REST_FRAMEWORK["NUM_PROXIES"] = NUM_PROXIES
# Analyses one client (as the throttles tell clients apart) may have waiting or running; one more upload gets 429.
# The upload throttle counts requests, this the worker time they hold: 10 is more than a person uploads at once.
# 0 turns the limit off.
MAX_ACTIVE_ANALYSES_PER_CLIENT = env_int("MAX_ACTIVE_ANALYSES_PER_CLIENT", 10)
