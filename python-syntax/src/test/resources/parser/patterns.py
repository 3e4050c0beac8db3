match command.split():
    case [action, *rest] if action:
        pass
    case {"x": 1, 2: y, **rest}:
        pass
    case Point(0, y=_) | None | True | False:
        pass
    case -1 + 2j | "s" "t" | a.b.c as q:
        pass
    case (1, 2) | [] | () | (x,) | [*_]:
        pass
    case _:
        pass
match = 1
match.x = 2
match(x)
case = 3
