f"a{x!r:>{w}}b" "c"
f"{x=}" u"y"
"a" f"b"
f"{{a}}"
f"{x = !s:3}"
f"{x:}"
f""
"" f"{x}" ""
f"a{x}" f"b" "c"
f"{x:a{y}b}"
f'''a
b{x}'''
f"a{ x =}"
f"{'nested' + f'{y}'}"
f"{x!a}" rf"\n{y}" fr'{z}\d'
b"by" b'tes\x00'
'\N{BULLET} \u00e9 \U0001F600 \x41 \101 \
continued'
r'\d+' R"raw" U'upper'
