import idna


def encode(host: str) -> bytes:
    return idna.encode(host)


def run_in_trio() -> None:
    import trio

    trio.run(print)
