"""Qingshan settings: one environment-driven base.

``QS_ENV`` picks dev (default), test or prod; the environments only toggle what is listed
under "Environment toggles". Every other knob is read from the environment with a default
that suits one school on a laptop.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import (
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
)
from config.passwords import PASSWORD_PROFILES

BASE_DIR = Path(__file__).resolve().parent.parent

# pytest imports this module too; running under it means the test toggles unless told otherwise.
QS_ENV = env_choice("QS_ENV", "test" if "pytest" in sys.modules else "dev", ("dev", "test", "prod"))
IS_PROD = QS_ENV == "prod"
IS_TEST = QS_ENV == "test"

# --- Environment toggles -------------------------------------------------------------------
DEBUG = env_bool("DEBUG", QS_ENV == "dev")
SECRET_KEY = env_str("SECRET_KEY", "" if IS_PROD else "dev-only-insecure-key-change-me-" + "x" * 32)
# Seals sealed ballots and keyed hashes of one-time keys (qingshan/core/sealing.py); defaults to
# SECRET_KEY. Keep it in the environment, never in the database; see docs/deploy.md on rotation.
QS_SEALING_KEY = env_str("QS_SEALING_KEY", "")
QS_SEALING_KEY_FALLBACKS = env_list("QS_SEALING_KEY_FALLBACKS", [])
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if IS_PROD else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", IS_PROD)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", IS_PROD)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", IS_PROD)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if IS_PROD else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = IS_PROD
SECURE_HSTS_PRELOAD = IS_PROD
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if IS_PROD else None
# Privileged roles must confirm a one-time code after their password (TOTP).
QS_REQUIRE_OTP = env_bool("QS_REQUIRE_OTP", IS_PROD)

# --- Applications ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.admin",
    "rules.apps.AutodiscoverRulesConfig",
    "template_partials",
    "django_htmx",
    "django_filters",
    "csp",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "qingshan.core",
    "qingshan.accounts",
    "qingshan.organization",
    "qingshan.party",
    "qingshan.evaluations",
    "qingshan.workplans",
    "qingshan.documents",
    "qingshan.trainings",
    "qingshan.outreach",
    "qingshan.honours",
    "qingshan.teaching",
    "qingshan.students",
    "qingshan.careers",
    "qingshan.internships",
    "qingshan.counseling",
    "qingshan.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "qingshan.accounts.middleware.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "qingshan.accounts.middleware.SchoolMiddleware",
    "qingshan.accounts.middleware.OTPRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "qingshan.core.middleware.AuditContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "qingshan.core.context_processors.navigation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": database_from_url(DATABASE_URL)}
# A PostgreSQL read replica for the roll-ups' reads of stored figures (config/routers.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = database_from_url(DATABASE_REPLICA_URL)
DATABASE_ROUTERS = ["config.routers.FigureReplicaRouter"]

# --- Authentication and sessions --------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reports:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# "length" favours long passphrases; "mlps" follows the 等保 (MLPS) composition rules.
QS_PASSWORD_PROFILE = env_choice("QS_PASSWORD_PROFILE", "length", ("length", "mlps"))
AUTH_PASSWORD_VALIDATORS = PASSWORD_PROFILES[QS_PASSWORD_PROFILE]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
QS_SESSION_IDLE_SECONDS = env_int("QS_SESSION_IDLE_SECONDS", 30 * 60)
QS_SESSION_ABSOLUTE_SECONDS = env_int("QS_SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = QS_SESSION_ABSOLUTE_SECONDS

AXES_FAILURE_LIMIT = env_int("QS_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("QS_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Behind nginx the client address arrives in X-Forwarded-For (set, not appended, by the proxy).
AXES_IPWARE_PROXY_COUNT = env_int("QS_PROXY_COUNT", 1 if IS_PROD else 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if IS_PROD else ["REMOTE_ADDR"]
)

OTP_TOTP_ISSUER = "Qingshan"

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
# Each language is named in its own language, wherever it is offered (the switch in the header).
LANGUAGES = [("zh-hans", "中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PROD
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production whitenoise serves straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = not IS_PROD
WHITENOISE_AUTOREFRESH = not IS_PROD
QS_UPLOAD_MAX_BYTES = env_int("QS_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = QS_UPLOAD_MAX_BYTES

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if IS_TEST or env_bool("QS_TASKS_IMMEDIATE", not IS_PROD)
        else "django_tasks_db.DatabaseBackend"
    }
}

# --- Audit ----------------------------------------------------------------------------------
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
# Pages that change no audited record and must not put an address beside what they write: the
# rater's pages (docs/anonymity.md). They get no audit context (qingshan.core.middleware).
QS_UNAUDITED_PATH_PREFIXES = ("/r/",)
# DESIGN §7: audit entries are kept at least 180 days, whatever the environment says.
QS_AUDIT_RETENTION_DAYS = max(env_int("QS_AUDIT_RETENTION_DAYS", 365), 180)

# --- Application ----------------------------------------------------------------------------
# Rating results of a person are shown only from this many raters (DESIGN §4).
QS_RATING_MIN_RATERS = env_int("QS_RATING_MIN_RATERS", 5)
# Counseling: closed cases are kept this many years, then purged; figures of alerts show no
# count below this many students (as rating results do).
QS_COUNSELING_RETENTION_YEARS = max(env_int("QS_COUNSELING_RETENTION_YEARS", 3), 1)
QS_COUNSELING_MIN_CELL = max(env_int("QS_COUNSELING_MIN_CELL", 5), 1)
QS_API_PAGE_SIZE = env_int("QS_API_PAGE_SIZE", 50)
QS_LIST_PAGE_SIZE = env_int("QS_LIST_PAGE_SIZE", 50)
QS_SITE_NAME = _("Qingshan")

# A forgotten password is reset by e-mail only where a mail server is configured (EMAIL_HOST set);
# otherwise the school's administrator issues a one-time reset link from the logins page.
QS_RESET_BY_EMAIL = env_bool("QS_RESET_BY_EMAIL", bool(env_str("EMAIL_HOST", "")))
# A reset link (by e-mail or from the administrator) works once, and for this many seconds.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PROD
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "qingshan@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_str("LOG_LEVEL", "WARNING" if IS_TEST else "INFO"),
    },
    "loggers": {
        # Token-bearing URLs must not reach the access log; runserver logs requests here.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint reports every layout step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

if IS_TEST:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
