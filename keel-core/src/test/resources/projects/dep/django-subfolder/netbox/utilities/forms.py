def clean(value: str) -> str:
    return value.strip()
