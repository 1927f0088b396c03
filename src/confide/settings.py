"""Django settings, read from the environment (see README, "Configuration").

Secure by default: TLS-only cookies and HSTS unless CONFIDE_TLS=false is set
explicitly (the local demo does that), DEBUG off unless asked for.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from confide import paths
from confide.envconf import env_bool, env_int, env_list, env_path, env_str

PACKAGE_DIR = Path(__file__).resolve().parent

DATA_DIR = paths.data_dir()
KEY_DIR = paths.key_dir()
MASTER_KEY_FILE = KEY_DIR / "master-keys.json"
SHRED_LEDGER_FILE = KEY_DIR / "shred-ledger.jsonl"
AUDIT_SIGNING_KEY_FILE = KEY_DIR / "audit-signing-key.json"
AUDIT_CHECKPOINT_FILE = env_path("CONFIDE_AUDIT_CHECKPOINTS", DATA_DIR / "audit-checkpoints.jsonl")
AUDIT_CHECKPOINT_EVERY = env_int("CONFIDE_AUDIT_CHECKPOINT_EVERY", 100, minimum=1)

DEBUG = env_bool("CONFIDE_DEBUG", False)
TLS = env_bool("CONFIDE_TLS", True)


def _secret_key() -> str:
    from_env = env_str("CONFIDE_SECRET_KEY", "")
    if from_env:
        return from_env
    path = paths.secret_key_file()
    if path.exists():
        return path.read_text().strip()
    raise ImproperlyConfigured(
        "No secret key: run `confide init` first, or set CONFIDE_SECRET_KEY."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("CONFIDE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "axes",
    "csp",
    "confide.accounts",
    "confide.audit",
    "confide.vault",
    "confide.access",
    "confide.clients",
    "confide.notes",
    "confide.supervision",
    "confide.consent",
    "confide.explainers",
    "confide.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "confide.web.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "confide.accounts.middleware.SessionPolicyMiddleware",
    # Every view needs a verified login unless it opts out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "confide.web.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "confide.urls"
WSGI_APPLICATION = "confide.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "confide.web.context.confide_context",
            ],
        },
    }
]


def _databases() -> dict:
    url = env_str("DATABASE_URL", "")
    if url:
        config = dj_database_url.parse(url, conn_max_age=env_int("CONFIDE_DB_CONN_MAX_AGE", 0))
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "confide.sqlite3")}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at
        # the start of every transaction, which serialises audit-chain appends.
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    elif not config["ENGINE"].startswith("django.db.backends.postgresql"):
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (or be unset for SQLite)")
    return {"default": config}


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling: five failures lock the username for 15 minutes.
AXES_FAILURE_LIMIT = env_int("CONFIDE_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
# Staff of a peer-run organisation often share one office address: locking by address
# would let one person's typos lock out everyone, so accounts are locked by username.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Sessions: short idle time and an absolute lifetime, both checked on the server
# (confide.accounts.middleware); the cookie itself dies with the browser.
IDLE_TIMEOUT_SECONDS = env_int("CONFIDE_IDLE_MINUTES", 15, minimum=1) * 60
SESSION_MAX_AGE_SECONDS = env_int("CONFIDE_SESSION_HOURS", 10, minimum=1) * 3600
EXPLAINER_REVIEW_MONTHS = env_int("CONFIDE_EXPLAINER_REVIEW_MONTHS", 12, minimum=1)
BREAK_GLASS_MINUTES = env_int("CONFIDE_BREAK_GLASS_MINUTES", 60, minimum=5)
REAUTH_VALID_SECONDS = env_int("CONFIDE_REAUTH_MINUTES", 5, minimum=1) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = SESSION_MAX_AGE_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = TLS
CSRF_COOKIE_SECURE = TLS
SESSION_COOKIE_NAME = "__Host-confide-session" if TLS else "confide-session"
CSRF_COOKIE_NAME = "__Host-confide-csrf" if TLS else "confide-csrf"
CSRF_FAILURE_VIEW = "confide.web.views.csrf_failure"
OTP_TOTP_ISSUER = "Confide"

SECURE_SSL_REDIRECT = TLS
SECURE_HSTS_SECONDS = 63072000 if TLS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = TLS
SECURE_HSTS_PRELOAD = TLS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TLS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# No referrer ever leaves for another site. Within the site the browser must send one:
# under "no-referrer" Chromium sends "Origin: null" on form posts, and Django's CSRF
# origin check (rightly) refuses those.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("CONFIDE_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

ORGANISATION_NAME = env_str("CONFIDE_ORGANISATION_NAME", "Confide")
# The region places are reduced to in de-identified packets (Safe Harbor keeps the state):
# where the organisation works, e.g. "Ohio". Empty: places become numbered placeholders only.
CONFIDE_REGION = env_str("CONFIDE_REGION", "")

# Plain log lines without request data: identifiers never reach the logs because
# URLs carry only client codes and no handler logs bodies or parameters.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("CONFIDE_LOG_LEVEL", "WARNING")},
}
