from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8")

    mongodb_url: str = "mongodb://localhost:27017"
    mongodb_db_name: str = "tasks"
    mongodb_max_pool_size: int = 50
    mongodb_min_pool_size: int = 0


@lru_cache
def get_settings() -> Settings:
    return Settings()
