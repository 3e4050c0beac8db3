t"a{x!r:>{w}}b"
t"{y=}"
