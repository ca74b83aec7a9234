"""Settings from the environment and `.env` (see .env.example)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Folder for the TinyDB files")
    dialogs_dir: Path | None = Field(default=None, description="Folder of dialog YAML files")
    resume_after_hours: float = Field(default=12.0, gt=0, description="Offer resume/start over after this pause")
    default_region: str = Field(default="", description="Region code for safety resources when a person set none")
    max_text_chars: int = Field(default=4000, gt=0, description="Longer messages are kindly refused")

    # Scheduling
    grace_minutes: int = Field(default=60, ge=0, description="A nudge missed by less than this is still sent")
    max_nudges_per_day: int = Field(default=2, ge=0, description="Per person, group prompts aside")
    quiet_start: str = Field(default="22:00", description="Default start of quiet hours (local)")
    quiet_end: str = Field(default="08:00", description="Default end of quiet hours (local)")

    # Telegram
    telegram_token: SecretStr | None = None
    telegram_base_url: str | None = Field(default=None, description="Another Bot API server, e.g. an emulator")
    telegram_webhook_secret: SecretStr | None = None

    # Discord
    discord_token: SecretStr | None = None
    discord_shards: int | None = None

    semantic: bool = Field(default=True, description="Ask the local sentence model for a second opinion in screening and blame detection")

    log_level: str = "INFO"
