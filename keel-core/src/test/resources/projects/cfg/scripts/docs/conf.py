import urllib.request

release = urllib.request.urlopen("https://example.org/version", timeout=5).read()
print(release)
