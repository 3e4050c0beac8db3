0, 00, 1_000, 0x_ff, 0O17, 0B1010, 123456789012345678901234567890123
1.0, 1., .5, 1e10, 1E-5, 1e16, 1e15, 1.5e300, 1e400, 0.1, 2.5e-10, 5e-324, 1_0.0_1
1j, 2.5J, 1e16j, 0j, 1e400j
'', "", '''''', """""", 'a"b', "a'b", 'a\'b"c', '\\', '\x7f\x80\xa0\u2028\ud7ff\ue000'
b'', b'\x00\xff\'"', rb'\x', B"abc", b'\t\n\r'
'é', 'ﬁ', "tab\there", 'nul\0'
True, False, None, ...
ﬁ = 1
x = "\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-6574}\N{bullet}\N{LATIN CAPITAL LETTER GHA}\N{BYTE ORDER MARK}"
y = "\u1c8a\u0897\U0001fa89 \u2028\xa0\xad"
z = "\ud800\udc00", "\U0001F600", "\ud83d" "\ude00", "😀\udc00", u"\uD834\uDD1E.py"
