"""The two password profiles a deployment chooses between with QS_PASSWORD_PROFILE."""

_SIMILARITY: dict[str, object] = {
    "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
}
_COMMON: dict[str, object] = {
    "NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"
}

PASSWORD_PROFILES: dict[str, list[dict[str, object]]] = {
    # Long passphrases, no composition rules (in the spirit of NIST SP 800-63B).
    "length": [
        _SIMILARITY,
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 12},
        },
        _COMMON,
        {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    ],
    # 等保 (MLPS): at least 8 characters mixing three of four character kinds.
    "mlps": [
        _SIMILARITY,
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 8},
        },
        {
            "NAME": "qingshan.accounts.validators.CharacterClassValidator",
            "OPTIONS": {"min_classes": 3},
        },
        _COMMON,
    ],
}
